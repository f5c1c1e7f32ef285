package io.linernotes.essay;

import io.linernotes.text.Featuring;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses a song's artist (and featured artist) from an encyclopaedic lead such as
 * "“Glass Harbour” is a song by Welsh rapper Orrin featuring Irish singer, Maeve Doyle." Used only when
 * a record names no artist; a guess that does not look like a name is no guess.
 */
final class LeadArtistGuesser {

    /** A guessed credit: the main artist and the featured ones (possibly none). */
    record Guess(String artist, List<String> featured) {
    }

    private static final Pattern BY_ANCHOR = Pattern.compile(
            "\\b(?:is|was)\\s+(?:a|an|the)\\s+(?:\\S+\\s+){0,4}?(?:song|single|track)\\s+"
                    + "(?:(?:recorded|performed|sung)\\s+)?by\\s+"
                    + "|\\b(?:recorded|performed)\\s+by\\s+", Pattern.CASE_INSENSITIVE);
    /** "the lead single from Nasty C's debut album" */
    private static final Pattern POSSESSIVE_ALBUM = Pattern.compile(
            "\\b(?:song|single|track)\\s+from\\s+(?:the\\s+)?([^.,;]+?)['’]s?\\s+(?:\\S+\\s+){0,3}?album\\b",
            Pattern.CASE_INSENSITIVE);
    /** "the fourth single from the Pet Shop Boys album" */
    private static final Pattern NAMED_ALBUM = Pattern.compile(
            "\\b(?:song|single|track)\\s+from\\s+the\\s+(\\p{Lu}[^.,;]*?)\\s+album\\b");
    /*
     * The word lists below are this reader's grammar of an encyclopaedic lead: the roles a descriptor ends in,
     * the words that end the name phrase, the little words inside a name ("Florence and the Machine"), the
     * phrases that introduce a stage name. No other code reads a lead this way and none of them is the job of a
     * list in text.StopWords (those weigh or drop words of a question or a passage); the featuring markers, which
     * the rest of the project reads too, come from text.Featuring.
     */
    private static final Set<String> ROLES = Set.of("rapper", "singer", "songwriter", "singer-songwriter",
            "artist", "musician", "band", "group", "duo", "trio", "quartet", "act", "project", "producer",
            "composer", "vocalist", "entertainer", "collective", "ensemble", "supergroup", "subgroup", "unit");
    /** Words that end the descriptor-and-name part of the phrase after "by": a featuring marker or these. */
    private static final Set<String> PHRASE_ENDS = Set.of("for", "from", "with", "on", "in", "which", "who",
            "that", "consisting", "released", "under");
    private static final Set<String> CONNECTORS = Set.of("and", "&", "the", "of", "'n'", "n'", "x", "de", "la",
            "le", "von", "van", "del", "da", "y", "+");
    private static final Set<String> ARTICLES = Set.of("a", "an", "the");
    private static final List<String> NAME_INTROS = List.of("under the name of", "under the name", "known as",
            "called", "named");

    private LeadArtistGuesser() {
    }

    static Optional<Guess> guess(String text) {
        String lead = EssayText.unifyLineEnds(text).strip().split("\n\\s*\n", 2)[0];
        Matcher by = BY_ANCHOR.matcher(lead);
        if (by.find()) {
            Optional<Guess> guess = credit(lead.substring(by.end()));
            if (guess.isPresent()) {
                return guess;
            }
        }
        for (Pattern album : List.of(POSSESSIVE_ALBUM, NAMED_ALBUM)) {
            Matcher m = album.matcher(lead);
            if (m.find()) {
                Optional<String> name = name(List.of(m.group(1).trim().split("\\s+")));
                if (name.isPresent()) {
                    return Optional.of(new Guess(name.get(), List.of()));
                }
            }
        }
        return Optional.empty();
    }

    /** Reads "DESCRIPTOR NAME featuring DESCRIPTOR NAME…" from the words after "by". */
    private static Optional<Guess> credit(String phrase) {
        // "Hikaru,featuring Nariaki": a missing space after a comma would glue two words together.
        List<String> words = List.of(phrase.strip().replaceAll(",(?=\\S)", ", ").split("\\s+"));
        int featuring = -1;
        for (int i = 0; i < words.size(); i++) {
            if (Featuring.inProse(words.get(i))) {
                featuring = i;
                break;
            }
            if (endsSentence(words.get(i))) {
                break;
            }
        }
        Optional<String> artist = name(featuring < 0 ? words : words.subList(0, featuring));
        if (artist.isEmpty()) {
            return Optional.empty();
        }
        List<String> featured = featuring < 0 ? List.of()
                : name(skipVocals(words.subList(featuring + 1, words.size()))).map(Names::splitCredit).orElse(List.of());
        return Optional.of(new Guess(artist.get(), featured));
    }

    /** A name from words that may start with an article and a descriptor ("Australian rapper Illy"). */
    private static Optional<String> name(List<String> words) {
        int start = 0;
        if (!words.isEmpty() && ARTICLES.contains(words.get(0).toLowerCase(Locale.ROOT))) {
            start = 1;
        }
        int lastRole = -1;
        for (int i = start; i < Math.min(words.size(), start + 8); i++) {
            String word = words.get(i).toLowerCase(Locale.ROOT);
            if (endsPhrase(word) && !word.equals("under")) {
                break;
            }
            String bare = word.replaceAll("[,;:]$", "");
            if (ROLES.contains(bare) || bare.endsWith("s") && ROLES.contains(bare.substring(0, bare.length() - 1))) {
                lastRole = i;
            }
            if (endsSentence(word) || word.endsWith(",") && lastRole != i) {
                break;
            }
        }
        Optional<String> afterRole = lastRole < 0 ? Optional.empty() : nameRun(skipIntro(words, lastRole + 1));
        return afterRole.isPresent() ? afterRole : nameRun(words.subList(start, words.size()));
    }

    /** Whether {@code lower}, a lower-cased word of the lead, ends the phrase that holds a name. */
    private static boolean endsPhrase(String lower) {
        return PHRASE_ENDS.contains(lower) || Featuring.inProse(lower);
    }

    /** "featuring (the/guest) vocals of/by NAME" */
    private static List<String> skipVocals(List<String> words) {
        int at = 0;
        while (at < words.size() && Set.of("the", "guest").contains(words.get(at).toLowerCase(Locale.ROOT))) {
            at++;
        }
        if (at + 1 < words.size() && words.get(at).equalsIgnoreCase("vocals")
                && Set.of("of", "by", "from").contains(words.get(at + 1).toLowerCase(Locale.ROOT))) {
            return words.subList(at + 2, words.size());
        }
        return words;
    }

    private static List<String> skipIntro(List<String> words, int from) {
        String rest = String.join(" ", words.subList(from, words.size())).toLowerCase(Locale.ROOT);
        for (String intro : NAME_INTROS) {
            if (rest.startsWith(intro + " ")) {
                return words.subList(from + intro.split(" ").length, words.size());
            }
        }
        return words.subList(from, words.size());
    }

    /** The run of capitalised words (and connectors such as "and", "the", "'N'") that makes a name. */
    private static Optional<String> nameRun(List<String> words) {
        List<String> run = new ArrayList<>();
        for (String word : words) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (endsPhrase(lower) || word.startsWith("(") || word.startsWith("_")) {
                break;
            }
            boolean connector = CONNECTORS.contains(lower);
            if (!connector && !startsLikeName(word)) {
                break;
            }
            if (word.endsWith("'s") || word.endsWith("’s")) {
                run.add(word.substring(0, word.length() - 2));
                break;
            }
            if (word.endsWith(",") || word.endsWith(";") || endsSentence(word)) {
                run.add(word.substring(0, word.length() - 1));
                break;
            }
            run.add(word);
        }
        while (!run.isEmpty() && CONNECTORS.contains(run.get(run.size() - 1).toLowerCase(Locale.ROOT))) {
            run.remove(run.size() - 1);
        }
        while (!run.isEmpty() && CONNECTORS.contains(run.get(0).toLowerCase(Locale.ROOT))) {
            run.remove(0);
        }
        String name = Names.clean(String.join(" ", run));
        return name.isEmpty() || !startsLikeName(name) ? Optional.empty() : Optional.of(name);
    }

    private static boolean startsLikeName(String word) {
        int first = word.codePointAt(0);
        return Character.isUpperCase(first) || Character.isDigit(first)
                || (!Character.isLetter(first) && word.length() > 1 && startsLikeName(word.substring(1)));
    }

    /** "Nurhaliza." ends a sentence; initials ("E.") and dotted names ("I.O.I") do not. */
    private static boolean endsSentence(String word) {
        if (!word.endsWith(".") || word.length() < 2) {
            return false;
        }
        String stem = word.substring(0, word.length() - 1);
        boolean initial = stem.length() == 1 && Character.isUpperCase(stem.charAt(0));
        return !initial && stem.indexOf('.') < 0;
    }
}
