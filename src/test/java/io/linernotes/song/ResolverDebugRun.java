package io.linernotes.song;

import io.linernotes.core.Scope;

/** Not a test: prints how the corpus catalogue judges the queries given as arguments (a tuning aid). */
final class ResolverDebugRun {

    private ResolverDebugRun() {
    }

    public static void main(String[] args) {
        SongCatalog catalog = SongCatalog.of(WikipediaSongsCorpus.load().entries);
        for (String query : args) {
            QueryText q = QueryText.parse(query);
            System.out.println("== " + query + "  " + q.norms());
            for (SongProfile p : CandidateSearch.top(catalog, q.norms(), Scope.GLOBAL, 8)) {
                TitleMatcher.TitleMatch tm = TitleMatcher.best(q.norms(), p, catalog, Scope.GLOBAL,
                        io.linernotes.config.SongConfig.defaults());
                if (tm != null) {
                    MatchJudge.Verdict v = new MatchJudge(io.linernotes.config.SongConfig.defaults(), catalog).judge(q, tm, q.asks(), Scope.GLOBAL);
                    System.out.printf("  %s -> %s %.2f %s%n", TitleMatcher.describe(tm), v.accepted(), v.score(), v.reason());
                }
            }
            System.out.println("  question: " + new SongResolver(catalog).findInQuestion(query, Scope.GLOBAL));
            System.out.println("  name:     " + new SongResolver(catalog).resolve(query, Scope.GLOBAL));
        }
    }
}
