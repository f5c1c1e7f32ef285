package io.linernotes.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.core.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The feedback store keeps answers, votes and gaps in the store")
class FeedbackStoreTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("an answer is stored under an id and read back after reopening the file")
    void answersSurviveReopening() {
        long id;
        try (FeedbackStore store = FeedbackStore.open(dir)) {
            id = store.recordAnswer("u1", Scope.guild("g1"), "what is runaway about", "Runaway", 7L, "ANSWERED", "A toast.");
        }
        assertTrue(Files.exists(dir.resolve(io.linernotes.store.Database.DEFAULT_FILE)), "feedback lives in the store");
        try (FeedbackStore store = FeedbackStore.open(dir)) {
            StoredAnswer a = store.answer(id).orElseThrow();
            assertEquals("what is runaway about", a.question());
            assertEquals(Scope.guild("g1"), a.scope());
            assertEquals(7L, a.songId());
            assertEquals("A toast.", a.text());
        }
    }

    @Test
    @DisplayName("one vote per user and answer: voting again replaces it; unknown answers take no vote")
    void oneVotePerUser() {
        try (FeedbackStore store = FeedbackStore.open(dir)) {
            long id = store.recordAnswer("u1", Scope.GLOBAL, "q", null, null, "ANSWERED", "t");
            assertTrue(store.vote(id, "u1", Vote.UP));
            assertTrue(store.vote(id, "u1", Vote.DOWN));
            assertTrue(store.vote(id, "u2", Vote.DOWN));
            assertEquals(-2, store.score(id));
            assertFalse(store.vote(id + 1000, "u1", Vote.UP));
        }
    }

    @Test
    @DisplayName("gaps: unanswered questions (grouped) and disliked answers, only from the reader's scope or global")
    void gapsAreScoped() {
        try (FeedbackStore store = FeedbackStore.open(dir)) {
            store.recordGap(Scope.guild("g1"), "what is Paranoid Android about", null);
            store.recordGap(Scope.guild("g1"), "What is Paranoid Android about", null);
            store.recordGap(Scope.guild("g2"), "secret question of g2", null);
            long liked = store.recordAnswer("u", Scope.guild("g1"), "liked", null, 1L, "ANSWERED", "t");
            long disliked = store.recordAnswer("u", Scope.guild("g1"), "disliked", null, 2L, "ANSWERED", "t");
            store.vote(liked, "u", Vote.UP);
            store.vote(disliked, "u", Vote.DOWN);

            List<Gap> gaps = store.gaps(Scope.guild("g1"), 10);
            assertEquals(2, gaps.size(), gaps.toString());
            assertTrue(gaps.stream().anyMatch(g -> g.kind() == Gap.Kind.UNANSWERED && g.question().contains("Paranoid")));
            assertTrue(gaps.stream().anyMatch(g -> g.kind() == Gap.Kind.DISLIKED && g.question().equals("disliked")
                    && g.songId() == 2L && g.downVotes() == 1));
            assertTrue(store.gaps(Scope.guild("g3"), 10).isEmpty());
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(io.linernotes.store.StoreEngine.class)
    @DisplayName("an answer stored with its request keeps its sources and candidates for the buttons, after reopening")
    void givenAnswersKeepSourcesAndCandidates(io.linernotes.store.StoreEngine engine) {
        io.linernotes.config.StoreConfig config = engine.freshConfig(dir);
        io.linernotes.answer.AnswerRequest request = new io.linernotes.answer.AnswerRequest("what does it mean?",
                "Harbour", Scope.guild("g1"), List.of(new io.linernotes.answer.AnswerRequest.Turn("before", 3L)));
        io.linernotes.answer.Source source = new io.linernotes.answer.Source(1, 12, "Harbour — Lanterns", "Fay",
                "zine", Scope.GLOBAL, "The whole passage, with “curly” quotes.", "Harbour (Lanterns)", "Verse",
                null, 0.5);
        io.linernotes.core.Song a = new io.linernotes.core.Song(4, "Harbour", "Lanterns", List.of("Guest"), 2001, null);
        io.linernotes.core.Song b = new io.linernotes.core.Song(5, "Harbour", "The Lanterns", List.of(), null, "LP");
        io.linernotes.answer.Answer answer = new io.linernotes.answer.Answer(
                io.linernotes.answer.Answer.Status.AMBIGUOUS, "Which one?", List.of("a note"), List.of(source), null,
                List.of(a, b), "extractive");
        long id;
        try (io.linernotes.store.Database db = io.linernotes.store.Database.open(config, dir, name -> null)) {
            FeedbackStore store = FeedbackStore.on(db);
            id = store.recordAnswer("u1", request, answer);
            long old = store.recordAnswer("u1", Scope.GLOBAL, "q", null, null, "ANSWERED", "t");
            assertTrue(store.given(old).isEmpty(), "an answer stored without its detail has none to give");
        }
        try (io.linernotes.store.Database db = io.linernotes.store.Database.open(config, dir, name -> null)) {
            FeedbackStore store = FeedbackStore.on(db);
            GivenAnswer given = store.given(id).orElseThrow();
            assertEquals(request, given.request());
            assertEquals(answer, given.answer());
            assertEquals("u1", given.userId());
            assertEquals(Scope.guild("g1"), given.stored().scope());
            assertTrue(store.given(id + 99).isEmpty());
        }
    }
}
