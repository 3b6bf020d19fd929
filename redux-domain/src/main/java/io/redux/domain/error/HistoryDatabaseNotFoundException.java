package io.redux.domain.error;

import java.nio.file.Path;
import java.util.List;

/**
 * No history database of the original CLI where one was looked for: naming the right file is the way out, which the
 * program that chose where to look can say how to do.
 */
public class HistoryDatabaseNotFoundException extends ReduxException {

    private final List<Path> placesLookedAt;

    public HistoryDatabaseNotFoundException(List<Path> placesLookedAt) {
        super("No Amazon Q or Kiro CLI history database found; looked for "
                + String.join(", ", placesLookedAt.stream().map(Path::toString).toList()));
        this.placesLookedAt = List.copyOf(placesLookedAt);
    }

    /** Every file looked for, in the order they were tried. */
    public List<Path> placesLookedAt() {
        return placesLookedAt;
    }
}
