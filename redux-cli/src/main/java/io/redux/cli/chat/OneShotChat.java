package io.redux.cli.chat;

import io.redux.cli.output.Json;
import io.redux.domain.chat.ChatListener;
import io.redux.domain.chat.ChatSession;
import io.redux.domain.chat.IncompleteAnswerException;
import io.redux.domain.chat.TurnResult;
import io.redux.domain.error.ReduxException;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Message;
import io.redux.domain.model.StopReason;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One question, one answer, for scripts and pipes: the answer streams to stdout as plain text, or, with
 * {@code --json}, one JSON object is printed when the turn is done (also when its answer broke off: then with
 * {@code stop_reason} {@code incomplete}, before the error). Stopped by Ctrl-C or a kill, it stores what was
 * answered so far, marked interrupted, before the process ends.
 */
final class OneShotChat {

    /** How long a shutdown waits for the partial answer to be stored; a save takes milliseconds. */
    private static final long STOP_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final PrintWriter out;
    private final boolean json;

    OneShotChat(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /**
     * @throws PromptKeptException when the turn failed after its prompt was stored in a conversation that is kept (a
     *                             new conversation without an answer is not), to say where the prompt is
     */
    TurnResult ask(ChatSession session, String prompt) {
        Thread onShutdown = new Thread(() -> stopTheTurn(session), "redux-interrupted");
        Runtime.getRuntime().addShutdownHook(onShutdown);
        AtomicBoolean promptSaved = new AtomicBoolean();
        try {
            return answer(session, prompt, promptSaved);
        } catch (ReduxException e) {
            if (promptSaved.get() && session.isSaved()) {
                throw new PromptKeptException(session.id(), e);
            }
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onShutdown);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run: it owns the rest.
            }
        }
    }

    /**
     * Ctrl-C or a kill while the answer streams: the JVM is going down, so stop the turn and give it a moment to
     * store the partial answer, marked interrupted, as an interactive session does.
     */
    private static void stopTheTurn(ChatSession session) {
        session.cancel();
        long deadline = System.nanoTime() + STOP_WAIT_NANOS;
        while (session.isTurnRunning() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private TurnResult answer(ChatSession session, String prompt, AtomicBoolean promptSaved) {
        if (json) {
            TurnResult result;
            try {
                result = session.send(prompt, new ChatListener() {
                    @Override
                    public void onMessageSaved(Message message) {
                        promptSaved.set(true);
                    }
                });
            } catch (IncompleteAnswerException e) {
                // A script still gets the object, with stop_reason "incomplete"; the error line and exit code follow.
                print(document(session, e.result()));
                throw e;
            }
            print(document(session, result));
            return result;
        }
        MarkdownStream answer = new MarkdownStream(out, false);
        try {
            return session.send(prompt, new ChatListener() {
                @Override
                public void onTextDelta(String text) {
                    answer.write(text);
                }

                @Override
                public void onMessageSaved(Message message) {
                    promptSaved.set(true);
                    if (message instanceof AssistantMessage) {
                        answer.finish();
                    }
                }
            });
        } finally {
            answer.finish();
        }
    }

    private void print(Map<String, Object> document) {
        out.println(Json.write(document));
        out.flush();
    }

    private static Map<String, Object> document(ChatSession session, TurnResult result) {
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("input_tokens", result.usage().inputTokens());
        usage.put("output_tokens", result.usage().outputTokens());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("conversation_id", session.id().toString());
        document.put("model_id", session.model().toString());
        document.put("answer", result.answer());
        document.put("usage", usage);
        StopReason stop = result.stopReason();
        document.put("stop_reason", stop == null ? null : stop.wireName());
        return document;
    }
}
