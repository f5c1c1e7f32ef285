package io.linernotes.discord;

import io.linernotes.answer.AnswerRequest;
import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import io.linernotes.feedback.FeedbackException;
import io.linernotes.feedback.FeedbackStore;
import io.linernotes.feedback.GivenAnswer;
import io.linernotes.feedback.StoredAnswer;
import io.linernotes.feedback.Vote;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The components on an answer ({@code answer:<action>:<answerId>}): 👍/👎 votes, the "Sources" button
 * (full passages, only for the presser) and the song picker of an ambiguous answer.
 *
 * <p>An answer id is a small sequential number anyone can write into a custom id, so every press is checked
 * against where the answer was given: the same server, or, for an answer in a direct message, the same user in
 * direct messages. A press from anywhere else is refused and changes nothing (Discord also checks this today;
 * the bot does not rely on it).
 */
public final class AnswerButtons implements Feature {
    private static final Logger log = LoggerFactory.getLogger(AnswerButtons.class);
    static final String GONE = "That answer is too old for this button. Please ask again.";
    static final String ELSEWHERE = "That button belongs to an answer given somewhere else.";

    private final FeedbackStore feedback;
    private final AnswerRenderer renderer;
    private final Asker asker;

    public AnswerButtons(FeedbackStore feedback, AnswerRenderer renderer, Asker asker) {
        this.feedback = feedback;
        this.renderer = renderer;
        this.asker = asker;
    }

    @Override
    public String name() {
        return AnswerRenderer.PREFIX;
    }

    @Override
    public Optional<SlashCommandData> command() {
        return Optional.empty();
    }

    @Override
    public void onButton(ButtonInteractionEvent event, String[] args) {
        Optional<Long> answerId = answerId(args);
        if (answerId.isEmpty()) {
            Replies.ephemeral(event, GONE);
            return;
        }
        switch (args[0]) {
            case "up" -> vote(event, answerId.get(), Vote.UP);
            case "down" -> vote(event, answerId.get(), Vote.DOWN);
            case "sources" -> sources(event, answerId.get());
            default -> Replies.ephemeral(event, GONE);
        }
    }

    /**
     * Whether {@code event} comes from where the answer was given: the same server; for a direct-message answer,
     * its asker in direct messages.
     */
    static boolean inScope(IReplyCallback event, Scope answerScope, String askerId) {
        if (!Scopes.of(event.getGuild()).equals(answerScope)) {
            return false;
        }
        return !answerScope.isGlobal() || event.getUser().getId().equals(askerId);
    }

    private void vote(ButtonInteractionEvent event, long answerId, Vote vote) {
        try {
            Optional<StoredAnswer> answer = feedback.answer(answerId);
            if (answer.isEmpty()) {
                Replies.ephemeral(event, GONE);
                return;
            }
            if (!inScope(event, answer.get().scope(), answer.get().userId())) {
                Replies.ephemeral(event, ELSEWHERE);
                return;
            }
            boolean stored = feedback.vote(answerId, event.getUser().getId(), vote);
            // A direct message is private: its 👎 is kept with the answer but shown to no server's moderators.
            String noted = answer.get().scope().isGlobal() ? "Thanks, noted."
                    : "Thanks, noted. Moderators will see this question among the gaps.";
            Replies.ephemeral(event, stored ? (vote == Vote.UP ? "Thanks! Glad it helped." : noted) : GONE);
        } catch (FeedbackException e) {
            log.error("could not store a vote", e);
            Replies.ephemeral(event, Replies.ERROR);
        }
    }

    /** The answer stored under {@code answerId} with its request and sources; empty also when the store fails. */
    private Optional<GivenAnswer> given(long answerId) {
        try {
            return feedback.given(answerId);
        } catch (FeedbackException e) {
            log.error("could not read answer {} for its buttons", answerId, e);
            return Optional.empty();
        }
    }

    private void sources(ButtonInteractionEvent event, long answerId) {
        Optional<GivenAnswer> entry = given(answerId);
        if (entry.isEmpty()) {
            Replies.ephemeral(event, GONE);
            return;
        }
        if (!inScope(event, entry.get().request().scope(), entry.get().userId())) {
            Replies.ephemeral(event, ELSEWHERE);
            return;
        }
        List<MessageCreateData> messages = renderer.passages(entry.get().answer());
        event.reply(messages.get(0)).setEphemeral(true).queue();
        for (MessageCreateData more : messages.subList(1, messages.size())) {
            event.getHook().sendMessage(more).setEphemeral(true).queue();
        }
    }

    @Override
    public void onSelect(StringSelectInteractionEvent event, String[] args) {
        Optional<Long> answerId = answerId(args);
        Optional<GivenAnswer> entry = answerId.flatMap(this::given);
        if (!args[0].equals("pick") || entry.isEmpty() || event.getValues().isEmpty()) {
            Replies.ephemeral(event, GONE);
            return;
        }
        if (!inScope(event, entry.get().request().scope(), entry.get().userId())) {
            Replies.ephemeral(event, ELSEWHERE);
            return;
        }
        String picked = event.getValues().get(0);
        Optional<Song> song = entry.get().answer().candidates().stream()
                .filter(s -> Long.toString(s.id()).equals(picked)).findFirst();
        if (song.isEmpty()) {
            Replies.ephemeral(event, GONE);
            return;
        }
        // The pick carries the song's id: its label is not resolved again, which could land on another song.
        asker.answerInPlace(event, entry.get().request().about(song.get().id()));
    }

    private static Optional<Long> answerId(String[] args) {
        if (args.length < 2) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(args[1]);
            return id < 0 ? Optional.empty() : Optional.of(id);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
