package io.redux.domain.chat;

import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.ConversationListing.UnreadableConversation;

import java.util.List;

/**
 * The latest conversation of a folder was asked for, and none was started there ({@link #workingDirectory()}), at
 * least among those that could be read ({@link #unreadable()}: one of them may have been it).
 */
public class NoConversationInFolderException extends InvalidInputException {

    private final String workingDirectory;
    private final List<UnreadableConversation> unreadable;

    public NoConversationInFolderException(String workingDirectory, List<UnreadableConversation> unreadable) {
        super("No conversation was started in " + workingDirectory + " yet" + unreadableNote(unreadable) + ".");
        this.workingDirectory = workingDirectory;
        this.unreadable = List.copyOf(unreadable);
    }

    public String workingDirectory() {
        return workingDirectory;
    }

    public List<UnreadableConversation> unreadable() {
        return unreadable;
    }

    private static String unreadableNote(List<UnreadableConversation> unreadable) {
        if (unreadable.isEmpty()) {
            return "";
        }
        return " that could be read (" + unreadable.size() + " could not, e.g. " + unreadable.get(0).location() + ": "
                + unreadable.get(0).reason() + ")";
    }
}
