package io.redux.cli.conversations;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

final class Formats {

    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the years {@link Instant#toString} writes with four digits. */
    private static final long FIRST_FOUR_DIGIT_SECOND = -62_167_219_200L;
    private static final long FIRST_FIVE_DIGIT_SECOND = 253_402_300_800L;

    private Formats() {
    }

    /**
     * UTC to the second: unambiguous in a table, whatever the reader's time zone. As {@link Instant#toString} writes
     * it ({@code 2025-01-09T18:00:00Z}), without its general formatter: a listing writes one per conversation.
     */
    static String timestamp(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_FOUR_DIGIT_SECOND || seconds >= FIRST_FIVE_DIGIT_SECOND) {
            return instant.truncatedTo(ChronoUnit.SECONDS).toString();
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(20);
        digits(text, time.getYear(), 4).append('-');
        digits(text, time.getMonthValue(), 2).append('-');
        digits(text, time.getDayOfMonth(), 2).append('T');
        digits(text, time.getHour(), 2).append(':');
        digits(text, time.getMinute(), 2).append(':');
        return digits(text, time.getSecond(), 2).append('Z').toString();
    }

    private static StringBuilder digits(StringBuilder text, int value, int width) {
        for (int divisor = width == 4 ? 1000 : 10; divisor > 0; divisor /= 10) {
            text.append((char) ('0' + value / divisor % 10));
        }
        return text;
    }
}
