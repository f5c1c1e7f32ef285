package io.linernotes.model;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.linernotes.prompt.ChatPrompt;
import io.linernotes.resilience.Deadline;
import io.linernotes.resilience.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An answer written by a language model through a langchain4j chat model, plain or streaming, with
 * {@link RetryPolicy} retries. Failures are thrown; {@link FallbackAnswerModel} turns them into the
 * extractive answer. A stream that breaks after text has arrived is not retried: the asker has already
 * seen part of it, and starting over would make it jump back.
 */
public final class LangchainAnswerModel implements AnswerModel {

    private static final Logger log = LoggerFactory.getLogger(LangchainAnswerModel.class);

    /** Plain calls run here so that the answer's deadline can abandon them; daemon threads, never joined. */
    private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "model-call");
        t.setDaemon(true);
        return t;
    });

    private final String name;
    private final ChatModel chat;
    private final StreamingChatModel streaming;
    private final Duration idleTimeout;
    private final RetryPolicy retry;

    /**
     * @param name        e.g. {@code openai:gpt-4o-mini}; becomes {@link Generated#generatedBy()}
     * @param chat        the plain model, used when {@code streaming} is null
     * @param streaming   the streaming model, or null to answer in one piece
     * @param idleTimeout how long a stream may stay silent before it counts as timed out
     * @param retry       retries around each call
     */
    public LangchainAnswerModel(String name, ChatModel chat, StreamingChatModel streaming, Duration idleTimeout,
            RetryPolicy retry) {
        if (chat == null && streaming == null) {
            throw new IllegalArgumentException("a chat model or a streaming chat model is needed");
        }
        this.name = name;
        this.chat = chat;
        this.streaming = streaming;
        this.idleTimeout = idleTimeout;
        this.retry = retry;
    }

    @Override
    public Generated generate(GenerationRequest request, Consumer<String> partial) {
        return generate(request, partial, null, null);
    }

    /**
     * Writes the answer within {@code deadline} (null: none), reporting each attempt to {@code breaker}
     * (null: none). A call still running at the deadline is abandoned and fails as a timeout.
     */
    public Generated generate(GenerationRequest request, Consumer<String> partial, Deadline deadline,
            CircuitBreaker breaker) {
        ChatPrompt prompt = request.prompt();
        ChatRequest chatRequest = ChatRequest.builder()
                .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
                .build();
        log.debug("Asking {} ({} passages, prompt {} + {} chars)", name, request.passages().size(),
                prompt.system().length(), prompt.user().length());
        long started = System.nanoTime();
        Consumer<String> sink = partial == null ? s -> { } : partial;
        String text = streaming != null
                ? retry.run(name, () -> stream(chatRequest, sink, deadline), deadline, breaker)
                : retry.run(name, () -> once(chatRequest, deadline), deadline, breaker);
        log.debug("{} answered in {} ms ({} chars)", name, (System.nanoTime() - started) / 1_000_000, text.length());
        return new Generated(io.linernotes.text.Mentions.defuse(text.strip()), name, false);
    }

    @Override
    public String name() {
        return name;
    }

    private String once(ChatRequest request, Deadline deadline) {
        if (deadline == null) {
            return textOf(chat.chat(request), null);
        }
        // The client's own timeout may be longer than what is left of the deadline: run the call aside and
        // stop waiting for it when the deadline comes (the interrupt also aborts the HTTP exchange).
        Future<ChatResponse> call = CALLS.submit(() -> chat.chat(request));
        try {
            return textOf(call.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS), null);
        } catch (java.util.concurrent.TimeoutException e) {
            call.cancel(true);
            throw new TimeoutException(name + " did not answer within the answer's deadline of "
                    + deadline.total().toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re ? re : new RuntimeException(cause);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    private String stream(ChatRequest request, Consumer<String> partial, Deadline deadline) {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        StringBuilder sofar = new StringBuilder();
        AtomicLong lastActivity = new AtomicLong(System.nanoTime());
        streaming.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String token) {
                String snapshot;
                synchronized (sofar) {
                    sofar.append(token);
                    snapshot = sofar.toString();
                }
                lastActivity.set(System.nanoTime());
                try {
                    partial.accept(io.linernotes.text.Mentions.defuse(snapshot));
                } catch (RuntimeException e) {
                    // A failing display of partial text must not abort the answer itself.
                    log.debug("partial consumer failed", e);
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response = await(done, lastActivity, sofar, deadline);
        if (response != null && response.finishReason() == null) {
            // The stream ended without saying why it stopped: the connection was cut part-way, so the text is
            // a fragment, not an answer.
            throw broken(sofar, new RuntimeException(name + " stream ended without a finish reason"));
        }
        synchronized (sofar) {
            return textOf(response, sofar.toString());
        }
    }

    /**
     * Waits for the stream to finish, failing when it stays silent for longer than the idle timeout or runs
     * past the answer's deadline.
     */
    private ChatResponse await(CompletableFuture<ChatResponse> done, AtomicLong lastActivity, StringBuilder sofar,
            Deadline deadline) {
        long idleNanos = idleTimeout.toNanos();
        while (true) {
            long silent = System.nanoTime() - lastActivity.get();
            if (silent >= idleNanos) {
                done.cancel(true);
                throw broken(sofar, new TimeoutException(name + " sent nothing for " + idleTimeout.toMillis() + " ms"));
            }
            long wait = idleNanos - silent;
            if (deadline != null) {
                if (deadline.expired()) {
                    done.cancel(true);
                    throw broken(sofar, new TimeoutException(name + " was still streaming at the answer's deadline"));
                }
                wait = Math.min(wait, deadline.remaining().toNanos());
            }
            try {
                return done.get(wait, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // Loop: tokens may have arrived meanwhile, which resets the idle clock.
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw broken(sofar, cause instanceof RuntimeException re ? re : new RuntimeException(cause));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while streaming from " + name, e);
            }
        }
    }

    /** After text has been shown the failure is final (see the class comment); before, it may be retried. */
    private static RuntimeException broken(StringBuilder sofar, RuntimeException failure) {
        synchronized (sofar) {
            if (sofar.length() > 0) {
                return new NonRetriableException("stream broke after " + sofar.length() + " chars", failure);
            }
        }
        return failure;
    }

    private String textOf(ChatResponse response, String streamed) {
        String text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
        if ((text == null || text.isBlank()) && streamed != null) {
            text = streamed;
        }
        if (text == null || text.isBlank()) {
            throw new NonRetriableException(name + " returned no text");
        }
        return text;
    }
}
