package io.linernotes.song;

import io.linernotes.text.TextNormalizer;
import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Suggestions while a user types a song name, in tiers: whole-title prefix, word prefixes, near
 * spellings, artist. Every tier reads the catalogue's indexes and stops as soon as it has enough.
 */
final class Autocomplete {

    /** How many vocabulary words one prefix may expand to; bounds the work for one-letter prefixes. */
    private static final int PREFIX_WORDS = 64;

    private final SongCatalog catalog;

    Autocomplete(SongCatalog catalog) {
        this.catalog = catalog;
    }

    List<Song> suggest(String typed, Scope reader, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        String folded = TextNormalizer.fold(typed);
        Set<Integer> picked = new LinkedHashSet<>();
        if (folded.isEmpty()) {
            addVisible(picked, 0, reader, limit);
            return songs(picked);
        }
        List<String> words = TextNormalizer.split(folded);
        titlePrefix(picked, folded, reader, limit);
        if (picked.size() < limit) {
            wordPrefix(picked, words, CatalogueIndex.TITLE, reader, limit);
        }
        if (picked.size() < limit) {
            nearSpelling(picked, words, reader, limit);
        }
        if (picked.size() < limit) {
            wordPrefix(picked, words, CatalogueIndex.ARTIST, reader, limit);
        }
        return songs(picked);
    }

    private void titlePrefix(Set<Integer> picked, String folded, Scope reader, int limit) {
        int n = catalog.size();
        for (int i = catalog.firstTitleAtOrAfter(folded); i < n && picked.size() < limit; i++) {
            SongProfile p = catalog.profile(i);
            if (!p.foldedTitle().startsWith(folded)) {
                break;
            }
            if (p.visibleTo(reader)) {
                picked.add(i);
            }
        }
    }

    /**
     * Songs whose field has every typed word, the last one possibly unfinished ("love my l" → "Love My
     * Life Away"). Earlier words may match anywhere, so an artist typed first does not hide the title.
     */
    private void wordPrefix(Set<Integer> picked, List<String> words, String field, Scope reader, int limit) {
        String last = words.get(words.size() - 1);
        for (int ord : catalog.index().withPrefix(field, last, PREFIX_WORDS)) {
            if (picked.size() >= limit) {
                return;
            }
            if (picked.contains(ord)) {
                continue;
            }
            SongProfile p = catalog.profile(ord);
            if (p.visibleTo(reader) && hasAllWords(p, words.subList(0, words.size() - 1))) {
                picked.add(ord);
            }
        }
    }

    private static boolean hasAllWords(SongProfile p, List<String> words) {
        if (words.isEmpty()) {
            return true;
        }
        String haystack = " " + p.foldedTitle() + " " + p.foldedArtist() + " ";
        for (String w : words) {
            if (!haystack.contains(" " + w + " ")) {
                return false;
            }
        }
        return true;
    }

    /** Titles sharing the most typed words under near spellings ("runawya" → "Runaway"). */
    private void nearSpelling(Set<Integer> picked, List<String> words, Scope reader, int limit) {
        picked.addAll(CandidateSearch.nearTitles(catalog, words, reader, picked, limit - picked.size()));
    }

    private void addVisible(Set<Integer> picked, int from, Scope reader, int limit) {
        for (int i = from; i < catalog.size() && picked.size() < limit; i++) {
            if (catalog.profile(i).visibleTo(reader)) {
                picked.add(i);
            }
        }
    }

    private List<Song> songs(Set<Integer> ordinals) {
        List<Song> out = new ArrayList<>(ordinals.size());
        for (int ord : ordinals) {
            out.add(catalog.profile(ord).song());
        }
        return out;
    }
}
