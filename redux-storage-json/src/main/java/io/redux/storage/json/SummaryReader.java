package io.redux.storage.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.redux.domain.error.CorruptConversationException;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationSummary;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.Role;
import io.redux.domain.model.Titles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Reads what a listing shows from a conversation file in one streaming pass, without building a tree: message
 * contents are skipped, except the first user prompt (the title). It checks the fields it reads as strictly as a
 * full load does; what it skips (tool arguments, message order rules) only a full load checks.
 */
final class SummaryReader {

    private SummaryReader() {
    }

    /**
     * @throws CorruptConversationException when the file is not a conversation or names another id
     * @throws IOException                  when it cannot be read at all (vanished, no permission)
     */
    static ConversationSummary read(Path file, ConversationId expectedId) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             JsonParser parser = JsonSupport.MAPPER.getFactory().createParser(in)) {
            return new Pass(parser, expectedId).summary();
        } catch (JsonProcessingException e) {
            throw new CorruptConversationException(file.toString(), "it is not valid JSON ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        } catch (Problem problem) {
            throw new CorruptConversationException(file.toString(), problem.getMessage());
        }
    }

    /** The state of one pass over one file. */
    private static final class Pass {
        private final JsonParser parser;
        private final ConversationId expectedId;
        private String id;
        private Instant createdAt;
        private Instant updatedAt;
        private String modelId;
        private int messageCount = -1;
        private String title;
        private String workingDirectory;

        Pass(JsonParser parser, ConversationId expectedId) {
            this.parser = parser;
            this.expectedId = expectedId;
        }

        ConversationSummary summary() throws IOException {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new Problem("the file is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new Problem("the document is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "conversation_id" -> id = text(field);
                    case "created_at" -> createdAt = timestamp(field);
                    case "updated_at" -> updatedAt = timestamp(field);
                    case "model_id" -> modelId = text(field);
                    case "messages" -> messages();
                    case "metadata" -> metadata();
                    default -> parser.skipChildren();
                }
            }
            // Reading to the end catches a truncated file, which a listing must not show as fine.
            if (parser.nextToken() != null) {
                throw new Problem("there is content after the document's end");
            }
            return summaryOfFields();
        }

        private ConversationSummary summaryOfFields() {
            require(id, "conversation_id");
            if (!ConversationId.isValid(id)) {
                throw new Problem("conversation_id " + InvalidInputException.quote(id) + " is not a UUID");
            }
            ConversationId conversationId = ConversationId.parse(id);
            if (!conversationId.equals(expectedId)) {
                throw new Problem("its conversation_id " + id + " does not match its file name " + expectedId + ".json");
            }
            require(createdAt, "created_at");
            require(updatedAt, "updated_at");
            require(modelId, "model_id");
            try {
                ModelId.parse(modelId);
            } catch (InvalidInputException e) {
                throw new Problem("model_id: " + e.getMessage());
            }
            if (messageCount < 0) {
                throw new Problem("the field messages is missing");
            }
            return new ConversationSummary(conversationId, createdAt, updatedAt, modelId, messageCount,
                    title == null ? "" : Titles.shorten(title), workingDirectory);
        }

        private void messages() throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                throw new Problem("messages is not an array");
            }
            messageCount = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    throw new Problem("messages[" + messageCount + "] is not an object");
                }
                message();
                messageCount++;
            }
        }

        /** Reads a message's role, and its content only while the title is still unknown. */
        private void message() throws IOException {
            String role = null;
            String content = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("role")) {
                    role = text("messages[" + messageCount + "].role");
                } else if (field.equals("content") && title == null && value == JsonToken.VALUE_STRING
                        && (role == null || role.equals("user"))) {
                    content = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            if (role == null) {
                throw new Problem("the field messages[" + messageCount + "].role is missing");
            }
            if (Role.fromWireName(role).isEmpty()) {
                throw new Problem("messages[" + messageCount + "].role " + InvalidInputException.quote(role)
                        + " is not one of user, assistant, tool_call, tool_result");
            }
            if (title == null && content != null && role.equals("user")) {
                title = content;
            }
        }

        private void metadata() throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_NULL) {
                return;
            }
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new Problem("metadata is not an object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("working_directory")) {
                    workingDirectory = parser.currentToken() == JsonToken.VALUE_NULL ? null : text("metadata." + field);
                } else {
                    parser.skipChildren();
                }
            }
        }

        private String text(String field) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new Problem(field + " is not a string");
            }
            return parser.getText();
        }

        private Instant timestamp(String field) throws IOException {
            String text = text(field);
            Instant instant = Timestamps.parseOrNull(text);
            if (instant == null) {
                throw new Problem(field + " " + InvalidInputException.quote(text)
                        + " is not an ISO-8601 timestamp with an offset, such as 2025-01-09T18:00:00Z");
            }
            return instant;
        }

        private static void require(Object value, String field) {
            if (value == null) {
                throw new Problem("the field " + field + " is missing");
            }
        }
    }

    private static final class Problem extends RuntimeException {
        Problem(String reason) {
            super(reason, null, false, false);
        }
    }
}
