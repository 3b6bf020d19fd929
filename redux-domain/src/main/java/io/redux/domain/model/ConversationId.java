package io.redux.domain.model;

import io.redux.domain.error.InvalidInputException;

import java.util.UUID;

/**
 * A conversation's identity: a UUID and nothing else, so an id can never name a path outside the store.
 */
public record ConversationId(UUID value) {

    public ConversationId {
        if (value == null) {
            throw new InvalidInputException("A conversation id is required: a UUID such as 550e8400-e29b-41d4-a716-446655440000");
        }
    }

    public static ConversationId parse(String text) {
        if (!isValid(text)) {
            throw new InvalidInputException("Invalid conversation id " + InvalidInputException.quote(text)
                    + ": expected a UUID such as 550e8400-e29b-41d4-a716-446655440000");
        }
        return new ConversationId(UUID.fromString(text));
    }

    /**
     * Whether {@code text} is a conversation id, without the cost of an exception: the canonical 8-4-4-4-12 form of
     * ASCII hexadecimal digits only ({@link UUID#fromString} would also take "1-1-1-1-1"). Checked by hand, not by a
     * regular expression: a listing checks every file name of the folder.
     */
    public static boolean isValid(String text) {
        if (text == null || text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean valid = i == 8 || i == 13 || i == 18 || i == 23
                    ? c == '-'
                    : c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (!valid) {
                return false;
            }
        }
        return true;
    }

    public static ConversationId random() {
        return new ConversationId(UUID.randomUUID());
    }

    // equals and hashCode are written out: a record's generated ones are linked through invokedynamic on their first
    // call, which costs a fresh JVM 10-20 ms, and an id is a map key in every command.

    @Override
    public boolean equals(Object other) {
        return other instanceof ConversationId id && value.equals(id.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
