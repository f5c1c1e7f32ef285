package io.linernotes.discord;

import io.linernotes.answer.AnswerRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Questions written as messages: every direct message, and guild messages that mention the bot (the only
 * guild messages whose content Discord sends without the privileged Message Content intent). DMs keep a
 * short per-user history so follow-ups work; a mention is answered in reply, without the mention itself.
 */
public final class MessageRouter extends ListenerAdapter {
    private static final Logger log = LoggerFactory.getLogger(MessageRouter.class);

    private final WorkQueue work;
    private final AnswerFlow flow;
    private final Admission admission;
    private final Conversations conversations;
    private volatile boolean accepting = true;

    public MessageRouter(WorkQueue work, AnswerFlow flow, Admission admission, Conversations conversations) {
        this.work = work;
        this.flow = flow;
        this.admission = admission;
        this.conversations = conversations;
    }

    public void stopAccepting() {
        accepting = false;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        User author = event.getAuthor();
        if (author.isBot() || author.isSystem() || event.isWebhookMessage() || !accepting) {
            return;
        }
        Message message = event.getMessage();
        boolean direct = !event.isFromGuild();
        User self = event.getJDA().getSelfUser();
        if (!direct && !message.getMentions().isMentioned(self, Message.MentionType.USER)) {
            return;
        }
        QuestionText.Checked checked = QuestionText.question(stripMention(message.getContentRaw(), self.getId()));
        if (checked instanceof QuestionText.Refused refused) {
            reply(message, refused.message());
            return;
        }
        String question = ((QuestionText.Ok) checked).text();
        String userId = author.getId();
        Admission.Verdict verdict = admission.admit(userId, direct ? null : event.getGuild().getId());
        if (verdict instanceof Admission.Refused limited) {
            reply(message, limited.message());
            return;
        }
        List<AnswerRequest.Turn> history = direct ? conversations.history(userId) : List.of();
        AnswerRequest request = new AnswerRequest(question, null, Scopes.of(direct ? null : event.getGuild()), history);
        boolean accepted = work.submit(userId, () -> {
            event.getChannel().sendTyping().queue(ok -> { }, e -> log.debug("typing indicator failed", e));
            flow.run(request, userId, new ChannelSink(message), answer -> {
                admission.charge(userId, request, answer);
                if (direct) {
                    Long songId = answer.song() == null ? null : answer.song().id();
                    conversations.remember(userId, new AnswerRequest.Turn(request.question(), songId));
                }
            });
        });
        if (!accepted) {
            reply(message, Replies.BUSY);
        }
    }

    static String stripMention(String content, String selfId) {
        return Pattern.compile("<@!?" + Pattern.quote(selfId) + ">").matcher(content).replaceAll(" ")
                .replaceAll("\\s+", " ").trim();
    }

    private static void reply(Message message, String text) {
        message.reply(text).setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).mentionRepliedUser(false)
                .failOnInvalidReply(false).queue(ok -> { }, e -> log.debug("could not reply", e));
    }
}
