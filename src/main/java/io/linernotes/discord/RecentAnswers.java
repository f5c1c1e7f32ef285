package io.linernotes.discord;

import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last answers given, by answer id, so the "Sources" button and the song picker of an ambiguous answer
 * find their request and passages again. Bounded (least recently used out): an old button then says the
 * answer is no longer at hand instead of growing memory forever.
 */
public final class RecentAnswers {
    /** What was asked, by whom, and what came back. */
    public record Entry(AnswerRequest request, Answer answer, String userId) {
    }

    private final Map<Long, Entry> entries;

    public RecentAnswers(int capacity) {
        entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void put(long answerId, Entry entry) {
        entries.put(answerId, entry);
    }

    public synchronized Optional<Entry> get(long answerId) {
        return Optional.ofNullable(entries.get(answerId));
    }
}
