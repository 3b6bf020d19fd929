package io.redux.storage.migration;

import java.util.HashSet;
import java.util.Set;

/** Hands out message ids unique within one conversation, keeping a wanted id whenever it is still free. */
final class MessageIds {

    private final Set<String> taken = new HashSet<>();

    /** Whether {@code wanted} was free; if not, {@link #allocate} derives another. */
    boolean isFree(String wanted) {
        return wanted != null && !wanted.isBlank() && !taken.contains(wanted);
    }

    /** {@code wanted} if it is free, else {@code wanted-2}, {@code wanted-3}... */
    String allocate(String wanted) {
        String base = wanted == null || wanted.isBlank() ? "message" : wanted;
        String id = base;
        for (int n = 2; !taken.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
