package io.redux.storage.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.redux.domain.error.CorruptConversationException;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationSummary;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.Role;
import io.redux.domain.model.Titles;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what a listing shows from a conversation file in one streaming pass, without building a tree: message
 * contents are skipped, except the first user prompt (the title). It checks the document's shape as a full load
 * does, except what would cost a listing dearly: the syntax of each message's timestamp and the optional fields.
 */
final class SummaryReader {

    /** The message fields whose presence a listing checks, one bit each, and which of them each role needs. */
    private static final int TIMESTAMP = 1;
    private static final int CONTENT = 2;
    private static final int TOOL_NAME = 4;
    private static final int ARGUMENTS = 8;
    private static final int TOOL_CALL_ID = 16;
    private static final List<String> FIELD_NAMES = List.of("timestamp", "content", "tool_name", "arguments", "tool_call_id");
    private static final Map<String, Role> ROLES = Map.of(
            Role.USER.wireName(), Role.USER,
            Role.ASSISTANT.wireName(), Role.ASSISTANT,
            Role.TOOL_CALL.wireName(), Role.TOOL_CALL,
            Role.TOOL_RESULT.wireName(), Role.TOOL_RESULT);
    private static final int[] REQUIRED_BY_ROLE = new int[Role.values().length];

    static {
        REQUIRED_BY_ROLE[Role.USER.ordinal()] = TIMESTAMP | CONTENT;
        REQUIRED_BY_ROLE[Role.ASSISTANT.ordinal()] = TIMESTAMP | CONTENT;
        REQUIRED_BY_ROLE[Role.TOOL_CALL.ordinal()] = TIMESTAMP | TOOL_NAME | ARGUMENTS;
        REQUIRED_BY_ROLE[Role.TOOL_RESULT.ordinal()] = TIMESTAMP | TOOL_CALL_ID | CONTENT;
    }

    /**
     * Plain jackson-core, without the object mapper: a listing never needs data binding, so a CLI run that only lists
     * never loads it. No cap on string length, as for a load.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();

    private SummaryReader() {
    }

    /**
     * @throws CorruptConversationException when the file is not a conversation or names another id
     * @throws IOException                  when it cannot be read at all (vanished, no permission, not a regular
     *                                      file: {@link RegularFileReader.UnsuitableFileException})
     */
    static ConversationSummary read(Path file, ConversationId expectedId) throws IOException {
        // A conversation is small enough to read whole, which is faster than streaming it through a buffer.
        byte[] content = RegularFileReader.readAllBytes(file);
        String encodingProblem = JsonSupport.encodingProblem(content, content.length);
        if (encodingProblem != null) {
            throw new CorruptConversationException(file.toString(), encodingProblem);
        }
        try (JsonParser parser = FACTORY.createParser(content)) {
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
        private final Set<String> messageIds = new HashSet<>();
        private final Set<String> toolCallIds = new HashSet<>();

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

        /**
         * Checks a message's shape as a full load does, except the timestamp's syntax and the optional fields, while
         * reading only short strings: the id, the role, a tool result's call id, and the first user prompt.
         */
        private void message() throws IOException {
            String messageId = null;
            String role = null;
            String content = null;
            String answeredCall = null;
            int present = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                switch (field) {
                    case "id" -> messageId = messageText("id");
                    case "role" -> role = messageText("role");
                    case "tool_call_id" -> {
                        answeredCall = messageText("tool_call_id");
                        present |= TOOL_CALL_ID;
                    }
                    case "content" -> {
                        requireMessageToken(JsonToken.VALUE_STRING, "content", "a string");
                        if (title == null && (role == null || role.equals("user"))) {
                            content = parser.getText();
                        }
                        present |= CONTENT;
                    }
                    case "timestamp" -> {
                        requireMessageToken(JsonToken.VALUE_STRING, "timestamp", "a string");
                        present |= TIMESTAMP;
                    }
                    case "tool_name" -> {
                        requireMessageToken(JsonToken.VALUE_STRING, "tool_name", "a string");
                        present |= TOOL_NAME;
                    }
                    case "arguments" -> {
                        requireMessageToken(JsonToken.START_OBJECT, "arguments", "an object");
                        parser.skipChildren();
                        present |= ARGUMENTS;
                    }
                    default -> parser.skipChildren();
                }
            }
            if (messageId == null || messageId.isBlank()) {
                String path = "messages[" + messageCount + "]";
                throw new Problem(messageId == null ? "the field " + path + ".id is missing" : path + ".id is empty");
            }
            if (role == null) {
                throw new Problem("the field " + where(messageId) + "role is missing");
            }
            Role known = ROLES.get(role);
            if (known == null) {
                throw new Problem(where(messageId) + "role " + InvalidInputException.quote(role)
                        + " is not one of user, assistant, tool_call, tool_result");
            }
            int missing = REQUIRED_BY_ROLE[known.ordinal()] & ~present;
            if (missing != 0) {
                throw new Problem("the field " + where(messageId) + FIELD_NAMES.get(Integer.numberOfTrailingZeros(missing))
                        + " is missing");
            }
            if (!messageIds.add(messageId)) {
                throw new Problem("it has two messages with the id " + messageId);
            }
            if (known == Role.TOOL_CALL) {
                toolCallIds.add(messageId);
            } else if (known == Role.TOOL_RESULT && !toolCallIds.contains(answeredCall)) {
                throw new Problem("tool_result " + messageId + " answers tool_call " + answeredCall
                        + ", which does not come before it");
            }
            if (title == null && known == Role.USER) {
                title = content;
            }
        }

        private String messageText(String field) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new Problem("messages[" + messageCount + "]." + field + " is not a string");
            }
            return parser.getText();
        }

        private void requireMessageToken(JsonToken expected, String field, String kind) {
            if (parser.currentToken() != expected) {
                throw new Problem("messages[" + messageCount + "]." + field + " is not " + kind);
            }
        }

        private String where(String messageId) {
            return "messages[" + messageCount + "] (id " + InvalidInputException.quote(messageId) + ").";
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
