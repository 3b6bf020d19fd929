package io.redux.cli.chat;

import io.redux.cli.output.MarkdownTranscript;
import io.redux.cli.output.SafeFileWriter;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.error.StorageException;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.port.ConversationRepository;
import io.redux.storage.json.JsonConversationRepository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** {@code /export}: the stored JSON document or a Markdown transcript, written whole, never over an existing file. */
final class TranscriptExport {

    private final ConversationRepository conversations;

    TranscriptExport(ConversationRepository conversations) {
        this.conversations = conversations;
    }

    /** @param format {@code markdown} or {@code json} */
    void export(ConversationId id, String format, Path target) {
        byte[] document;
        switch (format.toLowerCase(Locale.ROOT)) {
            case "markdown", "md" -> document = MarkdownTranscript.render(conversations.load(id))
                    .getBytes(StandardCharsets.UTF_8);
            case "json" -> document = json(id);
            default -> throw new InvalidInputException("Unknown export format " + InvalidInputException.quote(format)
                    + "; use markdown or json");
        }
        SafeFileWriter.write(target, document, false);
    }

    /** The stored file's own bytes when there is one, so fields this version does not know are exported too. */
    private byte[] json(ConversationId id) {
        if (conversations instanceof JsonConversationRepository json) {
            try {
                return Files.readAllBytes(json.fileOf(id));
            } catch (IOException e) {
                throw new StorageException("Cannot read " + json.fileOf(id) + ": " + e.getMessage(), e);
            }
        }
        Conversation conversation = conversations.load(id);
        throw new InvalidInputException("JSON export needs the JSON conversation store; conversation "
                + conversation.id() + " is kept elsewhere. Export it as markdown instead.");
    }
}
