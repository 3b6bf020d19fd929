package io.redux.cli;

import io.redux.domain.chat.ModelRequiredException;
import io.redux.domain.chat.NoConversationInFolderException;
import io.redux.domain.error.ConversationNotFoundException;
import io.redux.domain.error.StorageException;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationListing.UnreadableConversation;
import io.redux.domain.model.ModelId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The domain gives the reason; the command line adds its own words for what to do next. */
class HintsTest {

    private static final ConversationId ID = ConversationId.parse("550e8400-e29b-41d4-a716-446655440000");

    @Test
    void aMissingConversationPointsToTheListing() {
        assertThat(Hints.line(new ConversationNotFoundException(ID))).isEqualTo("Conversation " + ID
                + " does not exist; run 'redux_cli conversations list' to see the ids you have.");
    }

    @Test
    void noConversationInAFolderSaysHowToStartOrResumeOne() {
        assertThat(Hints.line(new NoConversationInFolderException("/work/here", List.of())))
                .isEqualTo("No conversation was started in /work/here yet; start one with 'redux_cli chat', or resume "
                        + "one by id from 'redux_cli conversations list'.");
    }

    @Test
    void theHintComesAfterTheNoteOnUnreadableConversations() {
        UnreadableConversation broken = new UnreadableConversation("/c/a.json", "not JSON");

        assertThat(Hints.line(new NoConversationInFolderException("/work/here", List.of(broken))))
                .isEqualTo("No conversation was started in /work/here yet that could be read (1 could not, e.g. "
                        + "/c/a.json: not JSON); start one with 'redux_cli chat', or resume one by id from "
                        + "'redux_cli conversations list'.");
    }

    @Test
    void aMissingModelNamesTheOptionAndTheVariable() {
        assertThat(Hints.line(new ModelRequiredException()))
                .isEqualTo("A new conversation needs a model: give --model-id " + ModelId.FORM
                        + " or set REDUX_MODEL_ID.");
    }

    @Test
    void theStoreHintJoinsAReasonThatEndsASentenceInsteadOfFollowingItsFullStop() {
        assertThat(Hints.line(new io.redux.domain.error.ConversationsFolderException(
                "Cannot reach S3 at http://127.0.0.1:1: refused. Check that the endpoint is up.")))
                .isEqualTo("Cannot reach S3 at http://127.0.0.1:1: refused. Check that the endpoint is up (or set "
                        + "REDUX_CONVERSATIONS_DIR to another folder).");
    }

    @Test
    void otherErrorsAreTheirReasonAlone() {
        assertThat(Hints.line(new StorageException("Cannot write /x: disk full")))
                .isEqualTo("Cannot write /x: disk full");
    }
}
