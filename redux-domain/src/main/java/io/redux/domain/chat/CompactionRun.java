package io.redux.domain.chat;

import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Message;
import io.redux.domain.model.TokenUsage;
import io.redux.domain.port.ModelResponse;

import java.util.List;

/** One {@code /compact} of a {@link ChatSession}. */
final class CompactionRun {

    /** How many times the older half of a history too long to summarise is left out. */
    private static final int HALVINGS = 3;

    private final Chat chat;
    private final ChatSession session;
    private final TurnControl control;
    private final ChatListener listener;

    CompactionRun(Chat chat, ChatSession session, TurnControl control, ChatListener listener) {
        this.chat = chat;
        this.session = session;
        this.control = control;
        this.listener = listener;
    }

    CompactResult run() {
        List<Message> history = Compaction.continuedHistory(session.conversation().messages());
        if (nothingToCompact(history)) {
            return CompactResult.notCompacted(TokenUsage.NONE);
        }
        for (int halvings = 0; ; halvings++) {
            ModelResponse response;
            try {
                response = session.stream(session.request(history, session.userMessage(Compaction.PROMPT)), control,
                        listener, new StringBuilder());
            } catch (TurnControl.Cancelled e) {
                return CompactResult.notCompacted(TokenUsage.NONE);
            } catch (ModelInvocationException e) {
                if (control.isCancelled() || e.reason() == ModelInvocationException.Reason.INTERRUPTED) {
                    return CompactResult.notCompacted(TokenUsage.NONE);
                }
                if (e.reason() != ModelInvocationException.Reason.INPUT_TOO_LONG || halvings == HALVINGS
                        || history.size() < 2) {
                    throw e;
                }
                history = history.subList(history.size() / 2, history.size());
                continue;
            }
            if (response.text().isBlank()) {
                return CompactResult.notCompacted(response.usage());
            }
            session.save(session.userMessage(Compaction.PROMPT), listener);
            session.save(new AssistantMessage(chat.newMessageId(), chat.now(), response.text(), response.usage(),
                    response.stopReason()), listener);
            return new CompactResult(true, response.text(), history.size(), response.usage());
        }
    }

    /** An empty history, or one that is already just a summary, has nothing to shorten. */
    private static boolean nothingToCompact(List<Message> history) {
        return history.size() < 2 || history.size() == 2 && Compaction.isMarker(history.get(0));
    }
}
