package io.redux.cli.chat;

import io.redux.cli.output.ExportFormat;
import io.redux.cli.output.SafeFileWriter;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.ConversationId;
import io.redux.storage.json.JsonConversationRepository;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.util.Locale;

/** {@code /export}: the stored JSON document or a Markdown transcript, written whole, never over an existing file. */
final class TranscriptExport {

    private final JsonConversationRepository conversations;

    @Inject
    TranscriptExport(JsonConversationRepository conversations) {
        this.conversations = conversations;
    }

    /** @param format {@code markdown} (or {@code md}) or {@code json} */
    void export(ConversationId id, String format, Path target) {
        SafeFileWriter.write(target, formatNamed(format).render(conversations, id), false);
    }

    private static ExportFormat formatNamed(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "markdown", "md" -> ExportFormat.MARKDOWN;
            case "json" -> ExportFormat.JSON;
            default -> throw new InvalidInputException("Unknown export format " + InvalidInputException.quote(format)
                    + "; use markdown or json");
        };
    }
}
