package io.redux.storage.migration;

/** A source row whose value cannot be mapped; the reason names what was wrong and never quotes the content. */
final class UnreadableRowException extends Exception {

    UnreadableRowException(String reason) {
        super(reason, null, false, false);
    }
}
