package io.redux.cli.output;

import io.redux.domain.error.StorageException;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.storage.json.JsonConversationRepository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** What a conversation is exported as: the stored JSON document, or a readable Markdown transcript. */
public enum ExportFormat {
    JSON,
    MARKDOWN;

    /**
     * Conversation {@code id} in this format. It is loaded either way, so a missing or corrupt conversation is
     * reported as such; JSON is then the file's own bytes, so fields this version does not know are exported too.
     */
    public byte[] render(JsonConversationRepository repository, ConversationId id) {
        Conversation conversation = repository.load(id);
        if (this == MARKDOWN) {
            return MarkdownTranscript.render(conversation).getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Files.readAllBytes(repository.fileOf(id));
        } catch (IOException e) {
            throw new StorageException("Cannot read " + repository.fileOf(id) + ": " + e.getMessage(), e);
        }
    }
}
