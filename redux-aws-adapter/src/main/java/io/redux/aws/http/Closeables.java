package io.redux.aws.http;

import java.util.List;

/** Closes what a gateway or credential source built, newest first. */
public final class Closeables {

    private Closeables() {
    }

    /** Closes each and empties the list. Best effort: a client that cannot close cleanly holds nothing a user would lose. */
    public static void closeAllQuietly(List<AutoCloseable> owned) {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception ignored) {
                // See above: nothing to report to a user who is finishing anyway.
            }
        }
        owned.clear();
    }
}
