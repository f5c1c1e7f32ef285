package io.linernotes.essay;

import java.util.List;

/**
 * The form a draft is stored in, whatever door it came through: names cleaned, featured list without
 * duplicates, body normalised. The store relies on drafts being validated by {@link EssayParser}; it
 * only refuses what it cannot store at all.
 */
final class StoredDraft {

    private StoredDraft() {
    }

    static EssayDraft of(EssayDraft draft) {
        if (draft == null) {
            throw new IllegalArgumentException("no draft to store");
        }
        String title = required(Names.clean(draft.title()), "title");
        String[] credit = Names.splitArtist(Names.clean(draft.artist()));
        String artist = required(Names.clean(credit[0]), "artist");
        String body = required(draft.body() == null ? null : EssayText.normaliseBody(draft.body()), "body");
        List<String> featured = Names.distinctFeatured(
                DraftValidator.concat(Names.splitCredit(credit[1]), draft.featured()), artist);
        return new EssayDraft(title, artist, featured, draft.year(),
                blankToNull(Names.clean(draft.album())), blankToNull(Names.clean(draft.author())),
                blankToNull(Names.clean(draft.source())), body);
    }

    private static String required(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("an essay without a " + what + " cannot be stored");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
