package io.redux.domain.model;

import io.redux.domain.error.InvalidInputException;

import java.time.Instant;

/** Checks shared by the message records. */
final class Messages {

    private Messages() {
    }

    static void requireIdAndTimestamp(String id, Instant timestamp) {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("A message needs a non-empty id");
        }
        if (timestamp == null) {
            throw new InvalidInputException("Message " + id + " needs a timestamp");
        }
    }

    static String requireText(String id, String field, String value) {
        if (value == null) {
            throw new InvalidInputException("Message " + id + " needs a " + field);
        }
        return value;
    }
}
