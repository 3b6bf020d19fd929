package io.redux.domain.error;

/**
 * The folder that holds the conversations cannot be used at all (a file, not writable, a full disk), as opposed to
 * one conversation in it: the message says why and what to fix there; using another folder is the other way out,
 * which the program that chose the folder can name.
 */
public class ConversationsFolderException extends StorageException {

    public ConversationsFolderException(String message) {
        super(message);
    }

    public ConversationsFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
