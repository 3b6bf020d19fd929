package io.redux.storage.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.Message;
import io.redux.domain.model.MigrationOrigin;
import io.redux.domain.model.StopReason;
import io.redux.domain.model.TokenUsage;
import io.redux.domain.model.ToolCall;
import io.redux.domain.model.ToolResult;
import io.redux.domain.model.ToolResultStatus;
import io.redux.domain.model.UserMessage;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Writes a conversation over the tree its file held: the fields Redux knows take the domain's values, every other
 * field (top level, in {@code metadata}, in each message matched by id) stays as it was, so an older version never
 * destroys what a newer one wrote. A null domain field removes the field, unless the file holds a value this
 * version could not read (a newer {@code stop_reason}), which is kept.
 */
final class ConversationTreeWriter {

    private static final JsonNodeFactory NODES = JsonSupport.MAPPER.getNodeFactory();

    private ConversationTreeWriter() {
    }

    /**
     * @param previous  the file's tree, which becomes the new tree (no copy: a load is cheaper), or null for a new file
     * @param unchanged how many leading message nodes of {@code previous} are known to be up to date (see
     *                  {@link #unchangedMessages}); they are left as they are, which makes an append to a long
     *                  conversation cost one message, not all of them
     */
    static ObjectNode write(Conversation conversation, ObjectNode previous, int unchanged) {
        ObjectNode tree = previous == null ? NODES.objectNode() : previous;
        tree.put("conversation_id", conversation.id().toString());
        tree.put("created_at", Timestamps.format(conversation.createdAt()));
        tree.put("updated_at", Timestamps.format(conversation.updatedAt()));
        tree.put("model_id", conversation.modelId().toString());
        tree.put("region", conversation.region());
        tree.set("messages", messages(conversation, tree.get("messages"), unchanged));
        tree.set("metadata", metadata(conversation.metadata(), objectOrNull(tree.get("metadata"))));
        return tree;
    }

    /**
     * How many leading messages of {@code previous}, a tree this writer made from {@code written}, already hold
     * {@code conversation}'s messages; 0 when there is no such tree.
     */
    static int unchangedMessages(Conversation conversation, ObjectNode previous, Conversation written) {
        JsonNode nodes = previous == null ? null : previous.get("messages");
        if (written == null || nodes == null || !nodes.isArray()) {
            return 0;
        }
        List<Message> now = conversation.messages();
        List<Message> before = written.messages();
        int limit = Math.min(Math.min(now.size(), before.size()), nodes.size());
        int same = 0;
        while (same < limit && now.get(same).equals(before.get(same))) {
            same++;
        }
        return same;
    }

    private static ArrayNode messages(Conversation conversation, JsonNode previous, int current) {
        List<Message> messages = conversation.messages();
        ArrayNode array = NODES.arrayNode(messages.size());
        for (int i = 0; i < current; i++) {
            array.add(previous.get(i));
        }
        if (current == messages.size()) {
            return array;
        }
        Map<String, ObjectNode> previousById = new HashMap<>();
        if (previous != null && previous.isArray()) {
            for (int i = current; i < previous.size(); i++) {
                JsonNode node = previous.get(i);
                JsonNode id = node.get("id");
                if (node.isObject() && id != null && id.isTextual()) {
                    previousById.put(id.textValue(), (ObjectNode) node);
                }
            }
        }
        for (Message message : messages.subList(current, messages.size())) {
            ObjectNode base = previousById.get(message.id());
            array.add(message(message, base == null ? NODES.objectNode() : base));
        }
        return array;
    }

    private static ObjectNode message(Message message, ObjectNode node) {
        node.put("id", message.id());
        node.put("role", message.role().wireName());
        message.accept(new Message.Visitor<Void>() {
            @Override
            public Void visitUser(UserMessage user) {
                node.put("content", user.content());
                return null;
            }

            @Override
            public Void visitAssistant(AssistantMessage assistant) {
                node.put("content", assistant.content());
                return null;
            }

            @Override
            public Void visitToolCall(ToolCall call) {
                node.put("tool_name", call.toolName());
                node.set("arguments", JsonValueMapping.toNode(call.arguments()));
                return null;
            }

            @Override
            public Void visitToolResult(ToolResult result) {
                node.put("tool_call_id", result.toolCallId());
                node.put("content", result.content());
                return null;
            }
        });
        node.put("timestamp", Timestamps.format(message.timestamp()));
        if (message instanceof AssistantMessage assistant) {
            setUsage(node, assistant.usage());
            setOrRemove(node, "stop_reason", assistant.stopReason() == null ? null : assistant.stopReason().wireName(),
                    known -> StopReason.fromWireName(known).isPresent());
        } else if (message instanceof ToolResult result) {
            setOrRemove(node, "status", result.status() == null ? null : result.status().wireName(),
                    known -> ToolResultStatus.fromWireName(known).isPresent());
        }
        return node;
    }

    private static void setUsage(ObjectNode node, TokenUsage usage) {
        if (usage == null) {
            node.remove("usage");
            return;
        }
        ObjectNode usageNode = objectOrNull(node.get("usage"));
        if (usageNode == null) {
            usageNode = node.putObject("usage");
        }
        usageNode.put("input_tokens", usage.inputTokens());
        usageNode.put("output_tokens", usage.outputTokens());
    }

    private static ObjectNode metadata(ConversationMetadata metadata, ObjectNode previous) {
        ObjectNode node = previous == null ? NODES.objectNode() : previous;
        setOrRemove(node, "aws_profile", metadata.awsProfile());
        setOrRemove(node, "aws_account_id", metadata.awsAccountId());
        setOrRemove(node, "user_arn", metadata.userArn());
        setOrRemove(node, "session_type", metadata.sessionType());
        setOrRemove(node, "working_directory", metadata.workingDirectory());
        setOrRemove(node, "agent", metadata.agent());
        MigrationOrigin origin = metadata.migratedFrom();
        if (origin == null) {
            node.remove("migrated_from");
        } else {
            node.set("migrated_from", migrationOrigin(origin, objectOrNull(node.get("migrated_from"))));
        }
        return node;
    }

    private static ObjectNode migrationOrigin(MigrationOrigin origin, ObjectNode previous) {
        ObjectNode node = previous == null ? NODES.objectNode() : previous;
        setOrRemove(node, "source", origin.source());
        setOrRemove(node, "source_key", origin.sourceKey());
        setOrRemove(node, "source_conversation_id", origin.sourceConversationId());
        setOrRemove(node, "source_model", origin.sourceModel());
        setOrRemove(node, "fingerprint", origin.fingerprint());
        Instant migratedAt = origin.migratedAt();
        setOrRemove(node, "migrated_at", migratedAt == null ? null : Timestamps.format(migratedAt));
        return node;
    }

    private static void setOrRemove(ObjectNode node, String field, String value) {
        setOrRemove(node, field, value, known -> true);
    }

    /** Removes a field the domain left empty, unless it holds a value this version cannot read. */
    private static void setOrRemove(ObjectNode node, String field, String value, Predicate<String> readable) {
        if (value != null) {
            node.put(field, value);
            return;
        }
        JsonNode old = node.get(field);
        if (old != null && (old.isNull() || old.isTextual() && readable.test(old.textValue()))) {
            node.remove(field);
        }
    }

    private static ObjectNode objectOrNull(JsonNode node) {
        return node != null && node.isObject() ? (ObjectNode) node : null;
    }
}
