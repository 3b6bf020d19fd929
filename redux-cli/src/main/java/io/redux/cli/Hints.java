package io.redux.cli;

import io.redux.domain.chat.ModelRequiredException;
import io.redux.domain.chat.NoConversationInFolderException;
import io.redux.domain.error.ConversationNotFoundException;
import io.redux.domain.error.ConversationsFolderException;
import io.redux.domain.error.HistoryDatabaseNotFoundException;
import io.redux.domain.error.ReduxException;
import io.redux.domain.model.ModelId;

/**
 * An error's line for the user: the domain's reason, then what to do next in the command line's words. The domain
 * says what went wrong and carries the data (which conversation, which folder); the commands, options and variables
 * that mend it are the command line's own, so they are added here and nowhere else.
 */
public final class Hints {

    private Hints() {
    }

    /** The error's message, with the next step the user can take when there is one. */
    public static String line(ReduxException e) {
        String reason = e.getMessage() == null ? "" : e.getMessage().strip();
        if (e instanceof ConversationNotFoundException) {
            return then(reason, "; ", "run 'redux_cli conversations list' to see the ids you have");
        }
        if (e instanceof NoConversationInFolderException) {
            return then(reason, "; ", "start one with 'redux_cli chat', or resume one by id from "
                    + "'redux_cli conversations list'");
        }
        if (e instanceof ModelRequiredException) {
            return then(reason, ": ", "give --model-id " + ModelId.FORM + " or set " + ModelChoice.VARIABLE);
        }
        if (e instanceof ConversationsFolderException) {
            String hint = " (or set " + CliEnvironment.CONVERSATIONS_FOLDER_VARIABLE + " to another folder)";
            // Inside the reason's last sentence, not after its full stop.
            return reason.endsWith(".") ? reason.substring(0, reason.length() - 1) + hint + "." : reason + hint;
        }
        if (e instanceof HistoryDatabaseNotFoundException) {
            return reason + " (pass the original CLI's data.sqlite3 with --from FILE)";
        }
        return reason;
    }

    /** The reason as the first clause of one sentence, the hint its second. */
    private static String then(String reason, String separator, String hint) {
        String clause = reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
        return clause + separator + hint + ".";
    }
}
