package io.linernotes.discord;

import io.linernotes.answer.AnswerRequest;
import io.linernotes.core.Scope;
import io.linernotes.feedback.FeedbackException;
import io.linernotes.feedback.FeedbackStore;
import io.linernotes.feedback.StoredAnswer;
import io.linernotes.text.Mentions;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageReference;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Questions written as messages: every direct message, guild messages that mention the bot, and replies to
 * the bot's answers in a server (a reply that pings the author mentions it, so Discord sends its text without
 * the privileged Message Content intent). DMs keep a short per-user history so follow-ups work; in a server
 * the conversation is the chain of answers the reply leads back to, read from the feedback store (so it
 * survives a restart and works on any process). A mention is answered in reply, without the mention itself.
 */
public final class MessageQuestions implements Feature {
    private static final Logger log = LoggerFactory.getLogger(MessageQuestions.class);
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Turns of a conversation handed to the engine, in DMs and in reply chains alike. */
    static final int TURNS = 6;
    static final String REPLY_WITHOUT_PING = "I can only read replies that ping me: Discord hides the text of other "
            + "messages from bots. Reply again with the **@ON** ping switched on (or mention me), and I'll carry on "
            + "about that song.";

    private final Asker asker;
    private final Conversations conversations;
    private final FeedbackStore feedback;

    public MessageQuestions(Asker asker, Conversations conversations, FeedbackStore feedback) {
        this.asker = asker;
        this.conversations = conversations;
        this.feedback = feedback;
    }

    @Override
    public String name() {
        return "message";
    }

    @Override
    public Optional<SlashCommandData> command() {
        return Optional.empty();
    }

    @Override
    public boolean readsMessages() {
        return true;
    }

    @Override
    public void onMessage(MessageReceivedEvent event) {
        Message message = event.getMessage();
        boolean direct = !event.isFromGuild();
        User self = event.getJDA().getSelfUser();
        boolean mentioned = message.getMentions().isMentioned(self, Message.MentionType.USER);
        String repliedTo = direct ? null : repliedToOwnMessage(message, self);
        if (!direct && !mentioned && repliedTo == null) {
            return;
        }
        String userId = event.getAuthor().getId();
        Scope scope = Scopes.of(direct ? null : event.getGuild());
        String raw = stripMention(message.getContentRaw(), self.getId());
        if (!direct && !mentioned && raw.isEmpty()) {
            // A reply with the ping off arrives without its text: say how to be heard, if it answered one of ours.
            asker.inBackground(message, () -> {
                if (storedAnswer(repliedTo, scope).isPresent()) {
                    Asker.replyTo(message, REPLY_WITHOUT_PING);
                }
            });
            return;
        }
        QuestionText.Checked checked = QuestionText.question(raw);
        if (checked instanceof QuestionText.Refused refused) {
            Asker.replyTo(message, refused.message());
            return;
        }
        String question = ((QuestionText.Ok) checked).text();
        asker.answerInChannel(message, () -> {
            // On the worker: the reply chain is read from the store, never on the gateway thread.
            Optional<StoredAnswer> earlier = repliedTo == null ? Optional.empty() : storedAnswer(repliedTo, scope);
            List<AnswerRequest.Turn> history = direct ? conversations.history(userId)
                    : earlier.map(a -> turns(a.id())).orElse(List.of());
            return new Asker.Continued(new AnswerRequest(question, null, scope, history),
                    earlier.map(StoredAnswer::id).orElse(null));
        }, answer -> {
            if (direct) {
                Long songId = answer.song() == null ? null : answer.song().id();
                conversations.remember(userId, new AnswerRequest.Turn(question, songId));
            }
        });
    }

    /** The id of the bot's own message this one replies to, or null (not a reply, or a reply to someone else). */
    private static String repliedToOwnMessage(Message message, User self) {
        MessageReference reference = message.getMessageReference();
        if (reference == null) {
            return null;
        }
        Message referenced = message.getReferencedMessage();
        // Discord sends the replied-to message along; without it (deleted) only the store could say whose it was.
        if (referenced != null && !referenced.getAuthor().getId().equals(self.getId())) {
            return null;
        }
        return reference.getMessageId();
    }

    /** The stored answer delivered as {@code messageId}, if it was one and belongs to this scope. */
    private Optional<StoredAnswer> storedAnswer(String messageId, Scope scope) {
        try {
            return feedback.answerOfMessage(messageId).filter(a -> a.scope().equals(scope));
        } catch (FeedbackException e) {
            log.error("could not read the answer behind message {}", messageId, e);
            return Optional.empty();
        }
    }

    /** The conversation that ended in stored answer {@code answerId}, as turns for the engine, oldest first. */
    private List<AnswerRequest.Turn> turns(long answerId) {
        try {
            return feedback.conversation(answerId, TURNS).stream()
                    .map(a -> new AnswerRequest.Turn(a.question() == null || a.question().isEmpty()
                            ? a.songHint() : a.question(), a.songId()))
                    .toList();
        } catch (FeedbackException e) {
            log.error("could not read the conversation of answer {}", answerId, e);
            return List.of();
        }
    }

    /**
     * The message without the bot's own mention, white space collapsed. Only that mention goes here: the rest is
     * checked as typed text ({@link QuestionText}), which tells a message that was only the mention (empty) from
     * one of other mentions or invisible characters (no words).
     */
    static String stripMention(String content, String selfId) {
        return SPACES.matcher(Mentions.removeOf(content, selfId)).replaceAll(" ").trim();
    }
}
