package io.redux.domain.model;

import io.redux.domain.error.InvalidInputException;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A conversation's identity: a UUID and nothing else, so an id can never name a path outside the store.
 */
public record ConversationId(UUID value) {

    /** Canonical 8-4-4-4-12 form only; {@link UUID#fromString} would also take "1-1-1-1-1". */
    private static final Pattern CANONICAL = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public ConversationId {
        if (value == null) {
            throw new InvalidInputException("A conversation id is required: a UUID such as 550e8400-e29b-41d4-a716-446655440000");
        }
    }

    public static ConversationId parse(String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            throw new InvalidInputException("Invalid conversation id " + InvalidInputException.quote(text)
                    + ": expected a UUID such as 550e8400-e29b-41d4-a716-446655440000");
        }
        return new ConversationId(UUID.fromString(text));
    }

    /** Whether {@code text} is a conversation id, without the cost of an exception. */
    public static boolean isValid(String text) {
        return text != null && CANONICAL.matcher(text).matches();
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
