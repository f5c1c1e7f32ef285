package io.linernotes.discord;

import io.linernotes.answer.AnswerRequest;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * Questions written as messages: every direct message, and guild messages that mention the bot (the only
 * guild messages whose content Discord sends without the privileged Message Content intent). DMs keep a
 * short per-user history so follow-ups work; a mention is answered in reply, without the mention itself.
 */
public final class MessageQuestions implements Feature {
    private final Asker asker;
    private final Conversations conversations;

    public MessageQuestions(Asker asker, Conversations conversations) {
        this.asker = asker;
        this.conversations = conversations;
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
        if (!direct && !message.getMentions().isMentioned(self, Message.MentionType.USER)) {
            return;
        }
        QuestionText.Checked checked = QuestionText.question(stripMention(message.getContentRaw(), self.getId()));
        if (checked instanceof QuestionText.Refused refused) {
            Asker.replyTo(message, refused.message());
            return;
        }
        String question = ((QuestionText.Ok) checked).text();
        String userId = event.getAuthor().getId();
        List<AnswerRequest.Turn> history = direct ? conversations.history(userId) : List.of();
        AnswerRequest request = new AnswerRequest(question, null, Scopes.of(direct ? null : event.getGuild()), history);
        asker.answerInChannel(message, request, answer -> {
            if (direct) {
                Long songId = answer.song() == null ? null : answer.song().id();
                conversations.remember(userId, new AnswerRequest.Turn(request.question(), songId));
            }
        });
    }

    static String stripMention(String content, String selfId) {
        return Pattern.compile("<@!?" + Pattern.quote(selfId) + ">").matcher(content).replaceAll(" ")
                .replaceAll("\\s+", " ").trim();
    }
}
