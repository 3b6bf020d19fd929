package io.redux.storage.json;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Timestamps are written in UTC with {@code Z}; any ISO-8601 offset is read. */
final class Timestamps {

    private Timestamps() {
    }

    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** @return the instant, or null when {@code text} is not an ISO-8601 date-time with an offset */
    static Instant parseOrNull(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
