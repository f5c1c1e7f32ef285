package io.linernotes.essay;

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
        String artist = required(Names.clean(draft.artist()), "artist");
        String body = required(draft.body() == null ? null : EssayText.normaliseBody(draft.body()), "body");
        return new EssayDraft(title, artist, Names.distinctFeatured(draft.featured(), artist), draft.year(),
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
