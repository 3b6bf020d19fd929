package io.redux.tools;

/** The model called a tool with arguments it cannot run with; the message goes back to the model. */
final class ToolArgumentException extends RuntimeException {

    ToolArgumentException(String message) {
        super(message, null, false, false);
    }
}
