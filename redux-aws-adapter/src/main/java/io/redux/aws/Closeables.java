package io.redux.aws;

import java.util.ArrayList;
import java.util.List;

/** What a gateway or credential source built, closed newest first when it closes. Safe to share between threads. */
public final class Closeables implements AutoCloseable {

    private final List<AutoCloseable> owned = new ArrayList<>();

    /** Takes {@code closeable} over and returns it, so a builder call can own what it builds in passing. */
    public synchronized <T extends AutoCloseable> T own(T closeable) {
        owned.add(closeable);
        return closeable;
    }

    /** Closes each and forgets them. Best effort: a client that cannot close cleanly holds nothing a user would lose. */
    @Override
    public synchronized void close() {
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
