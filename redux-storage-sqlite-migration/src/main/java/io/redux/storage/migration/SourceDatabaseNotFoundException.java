package io.redux.storage.migration;

/**
 * No history database where one was looked for, or the file given is not one: naming the right file is the way out,
 * which the program that chose where to look can say how to do.
 */
public class SourceDatabaseNotFoundException extends SourceDatabaseException {

    public SourceDatabaseNotFoundException(String message) {
        super(message);
    }
}
