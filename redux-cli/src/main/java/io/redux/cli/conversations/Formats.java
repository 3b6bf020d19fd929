package io.redux.cli.conversations;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

final class Formats {

    private Formats() {
    }

    /** UTC to the second: unambiguous in a table, whatever the reader's time zone. */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
