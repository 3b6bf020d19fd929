package io.redux.cli.chat;

import io.redux.cli.Hints;
import io.redux.domain.error.ReduxException;
import io.redux.domain.model.ConversationId;

/**
 * A one-shot turn that failed after its prompt was stored: the failure, then which conversation keeps the prompt and
 * how to go on with it. The exit code is the failure's.
 */
final class PromptKeptException extends ReduxException {

    private final boolean usageError;

    PromptKeptException(ConversationId conversation, ReduxException failure) {
        super(sentence(Hints.line(failure)) + " The prompt is kept in conversation " + conversation
                + "; continue it with 'redux_cli chat --resume " + conversation + "'.", failure);
        this.usageError = failure.isUsageError();
    }

    @Override
    public boolean isUsageError() {
        return usageError;
    }

    private static String sentence(String message) {
        String text = message == null ? "" : message.strip();
        return text.isEmpty() || text.endsWith(".") || text.endsWith(")") ? text : text + ".";
    }
}
