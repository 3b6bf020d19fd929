package io.redux.domain.error;

/** A stored conversation that cannot be read. It is reported and left exactly as it is. */
public class CorruptConversationException extends ReduxException {

    private final String location;
    private final String reason;

    public CorruptConversationException(String location, String reason) {
        super("Cannot read conversation file " + location + ": " + reason
                + ". The file was left untouched; fix or move it away.");
        this.location = location;
        this.reason = reason;
    }

    public String location() {
        return location;
    }

    public String reason() {
        return reason;
    }
}
