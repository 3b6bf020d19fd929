package io.redux.storage.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redux.domain.error.CorruptConversationException;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.Message;
import io.redux.domain.model.MigrationOrigin;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.Role;
import io.redux.domain.model.StopReason;
import io.redux.domain.model.TokenUsage;
import io.redux.domain.model.ToolCall;
import io.redux.domain.model.ToolResult;
import io.redux.domain.model.ToolResultStatus;
import io.redux.domain.model.UserMessage;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads a conversation file into the domain, refusing anything that is not exactly the format, with a reason that
 * names the field and what was wrong. Unknown fields are allowed (and kept in the tree); unknown values of optional
 * enumerations (a newer {@code stop_reason}) read as absent.
 */
final class ConversationParser {

    private ConversationParser() {
    }

    /**
     * @param location   the file, for error messages
     * @param expectedId the id the file name says, which the document must repeat
     * @throws CorruptConversationException when the content is not a valid conversation
     */
    static StoredConversation parse(String location, byte[] content, ConversationId expectedId) {
        return checked(location, () -> {
            ObjectNode tree = readTree(content);
            return new StoredConversation(tree, toConversation(tree, expectedId));
        });
    }

    /**
     * The conversation of a document whose "messages" array was left empty, for a reader that streams them.
     *
     * @throws CorruptConversationException when a field outside the messages is not valid
     */
    static Conversation parseOutline(String location, ObjectNode outline, ConversationId expectedId) {
        return checked(location, () -> toConversation(outline, expectedId));
    }

    /**
     * One message of a document, as a full load reads it.
     *
     * @param path where it is, {@code messages[i]}, for the reason
     * @throws CorruptConversationException when it is not a valid message
     */
    static Message parseMessage(String location, JsonNode node, String path) {
        return checked(location, () -> message(node, MessagePlace.named(path)));
    }

    /** What {@code reading} gives, or the reason it fails as the one error every reader of {@code location} throws. */
    private static <T> T checked(String location, Supplier<T> reading) {
        try {
            return reading.get();
        } catch (Problem problem) {
            throw new CorruptConversationException(location, problem.getMessage());
        } catch (InvalidInputException invalid) {
            throw new CorruptConversationException(location, invalid.getMessage());
        }
    }

    /** The reason for a document that is not JSON, as every reader gives it. */
    static String notJson(JsonProcessingException e) {
        return "it is not valid JSON (" + e.getOriginalMessage().lines().findFirst().orElse("")
                + where(e.getLocation()) + ")";
    }

    /** The reason for a document that is JSON but not an object, as every reader gives it. */
    static String notAnObject(JsonNode document) {
        return "the document is not a JSON object (it is " + kind(document) + ")";
    }

    private static ObjectNode readTree(byte[] content) {
        if (content.length == 0) {
            throw new Problem("the file is empty");
        }
        String encodingProblem = JsonSupport.encodingProblem(content, content.length);
        if (encodingProblem != null) {
            throw new Problem(encodingProblem);
        }
        JsonNode tree;
        try {
            tree = JsonSupport.MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            throw new Problem(notJson(e));
        } catch (IOException e) {
            throw new Problem("it could not be parsed: " + e.getMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw new Problem("the file is empty");
        }
        if (!tree.isObject()) {
            throw new Problem(notAnObject(tree));
        }
        return (ObjectNode) tree;
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static Conversation toConversation(ObjectNode tree, ConversationId expectedId) {
        String idText = requiredText(tree, "conversation_id", Where.TOP);
        if (!ConversationId.isValid(idText)) {
            throw new Problem("conversation_id " + InvalidInputException.quote(idText) + " is not a UUID");
        }
        ConversationId id = ConversationId.parse(idText);
        if (expectedId != null && !id.equals(expectedId)) {
            throw new Problem("its conversation_id " + id + " does not match its file name " + expectedId + ".json");
        }
        Instant createdAt = requiredTimestamp(tree, "created_at", Where.TOP);
        Instant updatedAt = requiredTimestamp(tree, "updated_at", Where.TOP);
        ModelId modelId = modelId(requiredText(tree, "model_id", Where.TOP));
        String region = optionalText(tree, "region", Where.TOP);
        JsonNode messagesNode = tree.get("messages");
        if (messagesNode == null || !messagesNode.isArray()) {
            throw new Problem(messagesNode == null ? "the field messages is missing" : "messages is not an array");
        }
        List<Message> messages = new ArrayList<>(messagesNode.size());
        for (int i = 0; i < messagesNode.size(); i++) {
            messages.add(message(messagesNode.get(i), MessagePlace.at(i)));
        }
        ConversationMetadata metadata = metadata(tree.get("metadata"));
        return new Conversation(id, createdAt, updatedAt, modelId, region, messages, metadata);
    }

    private static ModelId modelId(String text) {
        try {
            return ModelId.parse(text);
        } catch (InvalidInputException e) {
            throw new Problem("model_id: " + e.getMessage());
        }
    }

    private static Message message(JsonNode node, MessagePlace where) {
        if (!node.isObject()) {
            throw new Problem(where.path() + " is not an object");
        }
        String id = requiredText(node, "id", where);
        if (id.isBlank()) {
            throw new Problem(where.path() + ".id is empty");
        }
        where.identify(id);
        String roleName = requiredText(node, "role", where);
        Role role = Role.fromWireName(roleName).orElseThrow(() -> new Problem(where.prefix() + "role "
                + InvalidInputException.quote(roleName) + " is not one of user, assistant, tool_call, tool_result"));
        Instant timestamp = requiredTimestamp(node, "timestamp", where);
        switch (role) {
            case USER:
                return new UserMessage(id, timestamp, requiredText(node, "content", where));
            case ASSISTANT:
                return new AssistantMessage(id, timestamp, requiredText(node, "content", where),
                        usage(node.get("usage"), where),
                        StopReason.fromWireName(optionalText(node, "stop_reason", where)).orElse(null));
            case TOOL_CALL:
                JsonNode arguments = node.get("arguments");
                if (arguments == null || !arguments.isObject()) {
                    throw new Problem(where.prefix()
                            + (arguments == null ? "arguments is missing" : "arguments is not an object"));
                }
                return new ToolCall(id, timestamp, requiredText(node, "tool_name", where),
                        JsonValueMapping.toValue(arguments));
            default:
                return new ToolResult(id, timestamp, requiredText(node, "tool_call_id", where),
                        requiredText(node, "content", where),
                        ToolResultStatus.fromWireName(optionalText(node, "status", where)).orElse(null));
        }
    }

    private static TokenUsage usage(JsonNode node, Where where) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new Problem(where.prefix() + "usage is not an object");
        }
        return new TokenUsage(tokenCount(node, "input_tokens", where), tokenCount(node, "output_tokens", where));
    }

    private static long tokenCount(JsonNode usage, String field, Where where) {
        JsonNode count = usage.get(field);
        if (count == null || count.isNull()) {
            return 0;
        }
        if (!count.isIntegralNumber() || !count.canConvertToLong() || count.longValue() < 0) {
            throw new Problem(where.prefix() + "usage." + field + " is not a non-negative whole number");
        }
        return count.longValue();
    }

    private static ConversationMetadata metadata(JsonNode node) {
        if (node == null || node.isNull()) {
            return ConversationMetadata.EMPTY;
        }
        if (!node.isObject()) {
            throw new Problem("metadata is not an object");
        }
        Where where = () -> "metadata.";
        return new ConversationMetadata(
                optionalText(node, "aws_profile", where),
                optionalText(node, "aws_account_id", where),
                optionalText(node, "user_arn", where),
                optionalText(node, "session_type", where),
                optionalText(node, "working_directory", where),
                migrationOrigin(node.get("migrated_from")),
                optionalText(node, "agent", where));
    }

    private static MigrationOrigin migrationOrigin(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new Problem("metadata.migrated_from is not an object");
        }
        Where where = () -> "metadata.migrated_from.";
        String migratedAt = optionalText(node, "migrated_at", where);
        return new MigrationOrigin(
                optionalText(node, "source", where),
                optionalText(node, "source_key", where),
                optionalText(node, "source_conversation_id", where),
                optionalText(node, "source_model", where),
                optionalText(node, "fingerprint", where),
                migratedAt == null ? null : timestamp(migratedAt, where, "migrated_at"));
    }

    private static String kind(JsonNode node) {
        String type = node.getNodeType().name().toLowerCase();
        return (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
    }

    private static String requiredText(JsonNode node, String field, Where where) {
        String text = optionalText(node, field, where);
        if (text == null) {
            throw new Problem("the field " + where.prefix() + field + " is missing");
        }
        return text;
    }

    /** @return the string, or null when the field is absent or JSON null */
    private static String optionalText(JsonNode node, String field, Where where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new Problem(where.prefix() + field + " is not a string (it is " + kind(value) + ")");
        }
        return value.textValue();
    }

    private static Instant requiredTimestamp(JsonNode node, String field, Where where) {
        return timestamp(requiredText(node, field, where), where, field);
    }

    private static Instant timestamp(String text, Where where, String field) {
        Instant instant = Timestamps.parseOrNull(text);
        if (instant == null) {
            throw new Problem(where.prefix() + field + " " + InvalidInputException.quote(text)
                    + " is not an ISO-8601 timestamp with an offset, such as 2025-01-09T18:00:00Z");
        }
        return instant;
    }

    /**
     * Where a field sits, as the start of a reason ({@code messages[3] (id "m4").}): built only for a problem, since a
     * load checks every field of every message and a first listing loads every file.
     */
    @FunctionalInterface
    private interface Where {
        Where TOP = () -> "";

        String prefix();
    }

    /** Where a message is: {@code messages[i]} (or the path a streaming reader gives), with its id once read. */
    private static final class MessagePlace implements Where {
        private final String path;
        private final int index;
        private String id;

        private MessagePlace(String path, int index) {
            this.path = path;
            this.index = index;
        }

        /** {@code messages[index]} of the document. */
        static MessagePlace at(int index) {
            return new MessagePlace(null, index);
        }

        /** A message the caller names itself. */
        static MessagePlace named(String path) {
            return new MessagePlace(path, -1);
        }

        /** From here on, reasons name the message's id too. */
        void identify(String messageId) {
            id = messageId;
        }

        String path() {
            return path != null ? path : "messages[" + index + "]";
        }

        @Override
        public String prefix() {
            return id == null ? path() + "." : path() + " (id " + InvalidInputException.quote(id) + ").";
        }
    }

    /** Why a document is not a conversation; becomes a {@link CorruptConversationException} with the file's path. */
    private static final class Problem extends RuntimeException {
        Problem(String reason) {
            super(reason, null, false, false);
        }
    }
}
