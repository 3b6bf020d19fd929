package io.redux.domain.error;

/** Input that cannot be accepted as given: a malformed id, a bad option value. */
public class InvalidInputException extends ReduxException {

    public InvalidInputException(String message) {
        super(message);
    }

    @Override
    public boolean isUsageError() {
        return true;
    }

    /** Shortens user input for an error message, so a 1,000-character argument does not flood the terminal. */
    public static String quote(String input) {
        if (input == null) {
            return "null";
        }
        String shown = input.length() > 60 ? input.substring(0, 57) + "..." : input;
        return '"' + shown.replace("\n", "\\n").replace("\r", "\\r") + '"';
    }
}
