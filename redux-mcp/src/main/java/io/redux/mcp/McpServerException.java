package io.redux.mcp;

/** An MCP server could not start, or failed a call; the message says why, without the server's name. */
public final class McpServerException extends RuntimeException {

    McpServerException(String message) {
        super(message);
    }

    /** The deepest cause's message, which says what went wrong (the SDK wraps it several times). */
    static String reason(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        String first = message == null || message.isBlank() ? cause.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
        return first.length() > 300 ? first.substring(0, 300) + "..." : first;
    }
}
