package io.redux.cli.composition;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the object graph opened and the end of a command must close: AWS clients, with their sockets and threads.
 * Closed newest first, each even if another fails; a resource that cannot close holds nothing a user would lose.
 */
final class OpenResources implements AutoCloseable {

    private final Deque<AutoCloseable> open = new ArrayDeque<>();

    synchronized <T extends AutoCloseable> T register(T resource) {
        open.push(resource);
        return resource;
    }

    @Override
    public synchronized void close() {
        while (!open.isEmpty()) {
            try {
                open.pop().close();
            } catch (Exception ignored) {
                // See the class comment.
            }
        }
    }
}
