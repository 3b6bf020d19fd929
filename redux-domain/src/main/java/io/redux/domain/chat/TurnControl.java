package io.redux.domain.chat;

import java.util.function.Supplier;

/**
 * Cancellation of one turn. {@link #cancel()} may come from any thread (a Ctrl-C handler); the turn's thread is
 * interrupted only while it waits on the model or a tool, never while it stores a message, so a cancel cannot tear a
 * save. An interrupt from elsewhere during those waits cancels the turn too, and is handed back at the end.
 */
final class TurnControl {

    /** Thrown from the stream listener to stop a stream the user cancelled. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("turn cancelled", null, false, false);
        }
    }

    private final Thread thread;
    private boolean cancelled;
    private boolean waiting;
    private boolean interruptedFromElsewhere;

    TurnControl(Thread thread) {
        this.thread = thread;
    }

    synchronized void cancel() {
        cancelled = true;
        if (waiting) {
            thread.interrupt();
        }
    }

    synchronized boolean isCancelled() {
        return cancelled;
    }

    void throwIfCancelled() {
        if (isCancelled()) {
            throw new Cancelled();
        }
    }

    /** Runs {@code work} (a model call, a tool run) so that a cancel interrupts it. */
    <T> T interruptibly(Supplier<T> work) {
        synchronized (this) {
            if (Thread.interrupted()) {
                interruptedFromElsewhere = true;
                cancelled = true;
            }
            throwIfCancelled();
            waiting = true;
        }
        try {
            return work.get();
        } finally {
            synchronized (this) {
                waiting = false;
                if (Thread.interrupted() && !cancelled) {
                    interruptedFromElsewhere = true;
                    cancelled = true;
                }
            }
        }
    }

    /** Gives the thread back its interrupt flag if someone other than {@link #cancel()} set it. */
    synchronized void restoreOutsideInterrupt() {
        if (interruptedFromElsewhere) {
            thread.interrupt();
        }
    }
}
