package io.redux.cli.output;

import io.redux.domain.model.ConversationId;
import io.redux.storage.json.JsonConversationRepository;

import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** What a conversation is exported as: the stored JSON document, or a readable Markdown transcript. */
public enum ExportFormat {
    JSON,
    MARKDOWN;

    /**
     * Writes conversation {@code id} in this format to {@code out}, holding one message at a time. The whole
     * conversation is checked first either way, so a missing or corrupt one is reported as such and writes nothing;
     * JSON is then the file's own text, so fields this version does not know are exported too.
     */
    public void write(JsonConversationRepository repository, ConversationId id, Writer out) {
        if (this == MARKDOWN) {
            repository.read(id, MarkdownTranscript.writingTo(out));
        } else {
            repository.copyDocument(id, out);
        }
    }

    /** {@link #write} into memory, for a conversation known to be small. */
    public byte[] render(JsonConversationRepository repository, ConversationId id) {
        StringWriter out = new StringWriter();
        write(repository, id, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
