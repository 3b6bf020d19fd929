package io.redux.domain.chat;

import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.model.Message;
import io.redux.domain.model.TokenUsage;
import io.redux.domain.port.ModelResponse;

import java.util.List;

/** One {@code /compact} of a {@link ChatSession}. */
final class CompactionRun {

    /** How many times the older half of a history too long to summarise is left out. */
    private static final int HALVINGS = 3;

    private final TurnContext turn;

    CompactionRun(TurnContext turn) {
        this.turn = turn;
    }

    CompactResult run() {
        List<Message> history = Compaction.continuedHistory(turn.conversation().messages());
        if (nothingToCompact(history)) {
            return CompactResult.notCompacted(TokenUsage.NONE);
        }
        for (int halvings = 0; ; halvings++) {
            ModelResponse response;
            try {
                response = turn.ask(history, new StringBuilder(), turn.userMessage(Compaction.PROMPT));
            } catch (TurnControl.Cancelled e) {
                return CompactResult.notCompacted(TokenUsage.NONE);
            } catch (ModelInvocationException e) {
                if (turn.isCancelled() || e.reason() == ModelInvocationException.Reason.INTERRUPTED) {
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
            turn.save(turn.userMessage(Compaction.PROMPT));
            turn.save(turn.answer(response.text(), response.usage(), response.stopReason()));
            return new CompactResult(true, response.text(), history.size(), response.usage());
        }
    }

    /** An empty history, or one that is already just a summary, has nothing to shorten. */
    private static boolean nothingToCompact(List<Message> history) {
        return history.size() < 2 || history.size() == 2 && Compaction.isMarker(history.get(0));
    }
}
