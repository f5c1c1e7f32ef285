package io.linernotes.discord;

import io.linernotes.answer.AnswerRequest.Turn;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recent turns of each user's direct-message conversation, so "and the second verse?" can follow a question.
 * Bounded both ways: a few turns per user, and only the most recently active users are remembered.
 */
public final class Conversations {
    private final int turnsPerUser;
    private final Map<String, Deque<Turn>> byUser;

    public Conversations(int turnsPerUser, int users) {
        this.turnsPerUser = turnsPerUser;
        this.byUser = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Turn>> eldest) {
                return size() > users;
            }
        };
    }

    /** The user's earlier turns, oldest first. */
    public synchronized List<Turn> history(String userId) {
        Deque<Turn> turns = byUser.get(userId);
        return turns == null ? List.of() : List.copyOf(turns);
    }

    public synchronized void remember(String userId, Turn turn) {
        Deque<Turn> turns = byUser.computeIfAbsent(userId, k -> new ArrayDeque<>());
        turns.addLast(turn);
        while (turns.size() > turnsPerUser) {
            turns.removeFirst();
        }
    }
}
