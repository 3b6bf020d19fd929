package io.redux.storage.json;

import io.redux.domain.error.CorruptConversationException;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;

import java.util.List;

/**
 * The conversation format of {@code docs/conversation-format.md} as bytes, for a store that keeps the documents
 * somewhere other than a local folder: the same checks and errors as a local file's, the same bytes as the local store
 * writes, fields Redux does not know kept. This class is the one codec; {@link JsonConversationRepository} writes and
 * reads through the same parser and writers.
 */
public final class ConversationDocument {

    private final StoredConversation stored;

    private ConversationDocument(StoredConversation stored) {
        this.stored = stored;
    }

    /**
     * @param location   where the document is, as error messages name it (a path, an {@code s3://} URL)
     * @param expectedId the id its name says, which the document must repeat
     * @throws CorruptConversationException when the content is not a valid conversation, with the reason a local file
     *                                      with that content would give
     */
    public static ConversationDocument decode(String location, byte[] content, ConversationId expectedId) {
        return new ConversationDocument(ConversationParser.parse(location, content, expectedId));
    }

    /** The bytes of a new document for {@code conversation}: exactly what the local store writes to its file. */
    public static byte[] encode(Conversation conversation) {
        return DocumentWriter.write(ConversationTreeWriter.write(conversation, null, 0), List.of(), 0).content();
    }

    public Conversation conversation() {
        return stored.conversation();
    }

    /**
     * The bytes of this document changed to hold {@code changed}: what Redux knows is written from {@code changed},
     * every field it does not know (another writer's, a newer version's) is kept as it is. This document is left as
     * it was.
     */
    public byte[] encodeChanged(Conversation changed) {
        return DocumentWriter.write(ConversationTreeWriter.write(changed, stored.tree().deepCopy(), 0), List.of(), 0)
                .content();
    }
}
