package io.redux.cli.output;

import io.redux.domain.model.ConversationId;
import io.redux.domain.port.ConversationRepository;
import jakarta.inject.Inject;

import java.io.Writer;
import java.nio.file.Path;

/**
 * Exports a conversation, for {@code conversations export} and {@code /export} alike: JSON is the stored document
 * as it is (fields this version does not know included), Markdown a readable transcript.
 */
public final class ConversationExport {

    private final ConversationRepository conversations;

    @Inject
    public ConversationExport(ConversationRepository conversations) {
        this.conversations = conversations;
    }

    /**
     * Writes conversation {@code id} to {@code out}, holding one message at a time. The whole conversation is
     * checked first either way, so a missing or corrupt one is reported as such and writes nothing.
     */
    public void write(ConversationId id, ExportFormat format, Writer out) {
        if (format == ExportFormat.MARKDOWN) {
            conversations.read(id, MarkdownTranscript.writingTo(out));
        } else {
            conversations.copyDocument(id, out);
        }
    }

    /** Writes it to {@code target} whole or not at all; an existing file is replaced only when {@code replace}. */
    public void write(ConversationId id, ExportFormat format, Path target, boolean replace) {
        SafeFileWriter.write(target, out -> write(id, format, out), replace);
    }
}
