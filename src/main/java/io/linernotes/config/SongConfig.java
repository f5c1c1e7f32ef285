package io.linernotes.config;

/**
 * Thresholds of song resolution (see {@code song:} in {@code config/linernotes.yaml} and the README). Scores and
 * coverages are in [0, 1]: a title's similarity compares the words the user typed for it with one form of the
 * stored title (order-free, typo-tolerant, function words weighing less, or as one joined string for split and
 * run-together words); its coverage is the share of the title's weight that was typed.
 *
 * @param nearTitle similarity and coverage from which a title stands on its own: answered without an artist, and
 *     credited to another artist it is answered with a correction (when it is specific: two real words or one
 *     long one, since many songs share a one-word title)
 * @param goodTitle similarity from which a title is believed when the artist named agrees with the song
 * @param goodCoverage share of the title that must be typed for {@code goodTitle}
 * @param partialCoverage share of a title that may be typed alone when the named artist agrees and a typed word
 *     is rare among titles ("Runaway Kanye" for a longer title)
 * @param tieMargin candidates whose scores lie within this of the best are offered as a choice
 * @param artistBonus added to the score of a song whose artist the query names
 * @param featuredBonus added when the query names an artist featured on the song (answered with a correction)
 * @param conflictPenalty subtracted when the query names another artist
 * @param maxUnexplained content words a free question may carry besides the title and the artist before a title
 *     match in it is doubted
 */
public record SongConfig(Double nearTitle, Double goodTitle, Double goodCoverage, Double partialCoverage,
        Double tieMargin, Double artistBonus, Double featuredBonus, Double conflictPenalty, Integer maxUnexplained) {

    public SongConfig {
        nearTitle = orDefault(nearTitle, 0.85);
        goodTitle = orDefault(goodTitle, 0.78);
        goodCoverage = orDefault(goodCoverage, 0.7);
        partialCoverage = orDefault(partialCoverage, 0.3);
        tieMargin = orDefault(tieMargin, 0.05);
        artistBonus = orDefault(artistBonus, 0.15);
        featuredBonus = orDefault(featuredBonus, 0.1);
        conflictPenalty = orDefault(conflictPenalty, 0.1);
        maxUnexplained = maxUnexplained == null ? 3 : maxUnexplained;
        unit("song.nearTitle", nearTitle);
        unit("song.goodTitle", goodTitle);
        unit("song.goodCoverage", goodCoverage);
        unit("song.partialCoverage", partialCoverage);
        unit("song.tieMargin", tieMargin);
        unit("song.artistBonus", artistBonus);
        unit("song.featuredBonus", featuredBonus);
        unit("song.conflictPenalty", conflictPenalty);
        Checks.range("song.maxUnexplained", maxUnexplained, 0, 20);
        if (goodTitle > nearTitle) {
            throw new ConfigException("song.goodTitle (" + goodTitle + ") must not exceed song.nearTitle (" + nearTitle + ")");
        }
    }

    public static SongConfig defaults() {
        return new SongConfig(null, null, null, null, null, null, null, null, null);
    }

    private static Double orDefault(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    private static void unit(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new ConfigException(name + " must be between 0 and 1, not " + value);
        }
    }
}
