package io.redux.domain.chat;

import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.ModelId;

import java.util.Objects;

/**
 * Which conversation a chat session works on.
 *
 * @param mode     whether to start, continue, or either
 * @param id       the conversation, or null for {@link Mode#CONTINUE_LATEST}
 * @param model    the model the user chose, or null to keep the conversation's model (a new
 *                 conversation then takes the chat's default model)
 * @param metadata the metadata of a conversation this starts; a continued one keeps its own
 */
public record OpenConversation(Mode mode, ConversationId id, ModelId model, ConversationMetadata metadata) {

    public enum Mode {
        /** Start a new conversation; the id must be free. */
        START,
        /** Continue the conversation with this id, or start it if there is none (idempotent). */
        START_OR_CONTINUE,
        /** Continue the conversation with this id; it must exist. */
        CONTINUE,
        /** Continue the most recent conversation started in the metadata's working directory. */
        CONTINUE_LATEST
    }

    public OpenConversation {
        Objects.requireNonNull(mode, "mode");
        metadata = metadata == null ? ConversationMetadata.EMPTY : metadata;
        if (mode == Mode.CONTINUE_LATEST && metadata.workingDirectory() == null) {
            throw new InvalidInputException("Continuing the latest conversation needs the working directory");
        }
        if (mode != Mode.CONTINUE_LATEST && id == null) {
            throw new InvalidInputException("Opening a conversation in mode " + mode + " needs its id");
        }
    }

    /** A new conversation with a random id. */
    public static OpenConversation start(ModelId model, ConversationMetadata metadata) {
        return new OpenConversation(Mode.START, ConversationId.random(), model, metadata);
    }

    public static OpenConversation startOrContinue(ConversationId id, ModelId model, ConversationMetadata metadata) {
        return new OpenConversation(Mode.START_OR_CONTINUE, id, model, metadata);
    }

    public static OpenConversation resume(ConversationId id, ModelId model) {
        return new OpenConversation(Mode.CONTINUE, id, model, null);
    }

    public static OpenConversation resumeLatestIn(String workingDirectory, ModelId model) {
        return new OpenConversation(Mode.CONTINUE_LATEST, null, model,
                ConversationMetadata.EMPTY.withWorkingDirectory(workingDirectory));
    }
}
