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
 * @param sureWord similarity from which a typed word counts as a title word typed (one edit in a four-letter word
 *     rates 0.8): only such words make a title "typed", and only they count as rare words that identify a song
 * @param typedWindow share of the matched words that must be title words for the title to count as typed at all
 * @param exactTitle similarity from which a one-word title credited to another artist counts as typed as stored (a
 *     canonical spelling, "luv" for "love", rates 0.95): only then is it answered with a correction
 * @param featuredCoverage share of a title that may be typed alone when the artist named is featured on the song
 * @param specificLetters letters (of the title's sound-alike key) from which a one-word title is specific enough to
 *     stand in a question with a few other words
 * @param quotedBonus added when the user quoted exactly the title (and it is near)
 * @param aliasPenalty subtracted from a title form learnt from an essay's opening rather than stored, so another
 *     song's essay that mentions this title (a double A-side) never ties with the song itself
 * @param rareTitles a title word is rare (it alone can identify a song with its artist named) when at most
 *     max({@code rareTitlesMin}, {@code rareTitles} × catalogue size) titles carry it
 * @param rareTitlesMin the least number of titles that may share a rare word, for small catalogues
 * @param candidates songs of the catalogue search whose titles are compared with the query
 * @param refusalTitleWords most words a refusal quotes back as the title it understood; a longer run is not named
 */
public record SongConfig(Double nearTitle, Double goodTitle, Double goodCoverage, Double partialCoverage,
        Double tieMargin, Double artistBonus, Double featuredBonus, Double conflictPenalty, Integer maxUnexplained,
        Double sureWord, Double typedWindow, Double exactTitle, Double featuredCoverage, Integer specificLetters,
        Double quotedBonus, Double aliasPenalty, Double rareTitles, Integer rareTitlesMin, Integer candidates,
        Integer refusalTitleWords) {

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
        sureWord = orDefault(sureWord, 0.8);
        typedWindow = orDefault(typedWindow, 0.6);
        exactTitle = orDefault(exactTitle, 0.95);
        featuredCoverage = orDefault(featuredCoverage, 0.5);
        specificLetters = specificLetters == null ? 8 : specificLetters;
        quotedBonus = orDefault(quotedBonus, 0.1);
        aliasPenalty = orDefault(aliasPenalty, 0.1);
        rareTitles = orDefault(rareTitles, 0.005);
        rareTitlesMin = rareTitlesMin == null ? 3 : rareTitlesMin;
        candidates = candidates == null ? 40 : candidates;
        refusalTitleWords = refusalTitleWords == null ? 10 : refusalTitleWords;
        unit("song.nearTitle", nearTitle);
        unit("song.goodTitle", goodTitle);
        unit("song.goodCoverage", goodCoverage);
        unit("song.partialCoverage", partialCoverage);
        unit("song.tieMargin", tieMargin);
        unit("song.artistBonus", artistBonus);
        unit("song.featuredBonus", featuredBonus);
        unit("song.conflictPenalty", conflictPenalty);
        Checks.range("song.maxUnexplained", maxUnexplained, 0, 20);
        unit("song.sureWord", sureWord);
        unit("song.typedWindow", typedWindow);
        unit("song.exactTitle", exactTitle);
        unit("song.featuredCoverage", featuredCoverage);
        Checks.range("song.specificLetters", specificLetters, 1, 100);
        unit("song.quotedBonus", quotedBonus);
        unit("song.aliasPenalty", aliasPenalty);
        unit("song.rareTitles", rareTitles);
        Checks.range("song.rareTitlesMin", rareTitlesMin, 0, 1000);
        Checks.range("song.candidates", candidates, 1, 1000);
        Checks.range("song.refusalTitleWords", refusalTitleWords, 1, 100);
        if (goodTitle > nearTitle) {
            throw new ConfigException("song.goodTitle (" + goodTitle + ") must not exceed song.nearTitle (" + nearTitle + ")");
        }
    }

    public static SongConfig defaults() {
        return new SongConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
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
