package io.redux.testkit.example;

import io.redux.domain.chat.Chat;
import io.redux.domain.chat.ChatListener;
import io.redux.domain.chat.ChatSession;
import io.redux.domain.chat.OpenConversation;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.ModelId;
import io.redux.domain.port.ConversationRepository;
import io.redux.domain.port.ModelGateway;

/** The application code that docs/testkit.md's example tests: one turn that turns a change log into notes. */
public final class ReleaseNotesWriter {

    private final Chat chat;

    public ReleaseNotesWriter(ConversationRepository conversations, ModelGateway gateway) {
        this.chat = Chat.builder().conversations(conversations).gateway(gateway).build();
    }

    /** The notes the model writes for {@code changes}; the turn is stored like any CLI conversation. */
    public String notesFor(String changes) {
        ChatSession session = chat.open(OpenConversation.start(ModelId.parse(ModelId.EXAMPLE), ConversationMetadata.EMPTY));
        StringBuilder notes = new StringBuilder();
        session.send("Write release notes for:\n" + changes, ChatListener.streamingTextTo(notes::append));
        return notes.toString();
    }
}
