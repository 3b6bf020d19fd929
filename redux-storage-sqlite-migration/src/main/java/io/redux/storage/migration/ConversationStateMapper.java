package io.redux.storage.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.redux.domain.json.JsonValue;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Message;
import io.redux.domain.model.ToolCall;
import io.redux.domain.model.ToolResult;
import io.redux.domain.model.ToolResultStatus;
import io.redux.domain.model.UserMessage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps one original {@code ConversationState} document to Redux messages. The mapping is documented field by field
 * in {@code docs/migration.md}; keep the two in step.
 */
final class ConversationStateMapper {

    static final String SUMMARY_ID = "compact-summary";
    static final String SUMMARY_PREFIX =
            "[Summary of the earlier conversation, written by /compact in the original CLI]\n\n";
    static final String PLACEHOLDER_TOOL_NAME = "unknown_tool";
    static final String MISSING_RESULT =
            "No result was recorded for this tool call in the original history (added by the migration).";

    private final StateDocumentReader reader;

    ConversationStateMapper(ObjectMapper json) {
        this.reader = new StateDocumentReader(json);
    }

    /** What a source row maps to, before it gets a Redux id and metadata. */
    record Mapped(String sourceConversationId, String sourceModel, List<Message> messages, Instant createdAt,
                  Instant updatedAt, int repairs, int imagesReplaced) {
    }

    Mapped map(SourceRow row, Instant now) throws UnreadableRowException {
        JsonNode root = reader.read(row.value());
        JsonNode history = root.path("history");
        if (!history.isArray()) {
            throw new UnreadableRowException("the value has no \"history\" array; expected a ConversationState");
        }
        String sourceId = row.conversationId() != null ? row.conversationId() : textOrNull(root.get("conversation_id"));
        Instant v2Created = row.createdAtMs() == null ? null : Instant.ofEpochMilli(row.createdAtMs());
        Instant v2Updated = row.updatedAtMs() == null ? null : Instant.ofEpochMilli(row.updatedAtMs());

        Summary summary = summary(root.get("latest_summary"));
        Builder builder = new Builder(earliestTime(history, summary, v2Created, now));
        boolean summaryPlaced = false;
        if (summary != null && summary.time() == null) {
            builder.addSummary(summary);
            summaryPlaced = true;
        }
        int index = 0;
        for (JsonNode entry : history) {
            Entry parts = entry(entry, index);
            Instant userTime = userTime(parts.user(), parts.metadata());
            if (summary != null && !summaryPlaced && builder.noOpenCalls() && userTime != null && userTime.isAfter(summary.time())) {
                builder.addSummary(summary);
                summaryPlaced = true;
            }
            builder.addUser(parts.user(), userTime, "history entry " + index);
            builder.addAssistant(parts.assistant(), assistantTime(parts.metadata()), "history entry " + index);
            index++;
        }
        JsonNode next = root.get("next_message");
        if (next != null && next.isObject()) {
            builder.addUser(next, userTime(next, null), "next_message");
        }
        builder.closeDanglingCalls();
        if (!summaryPlaced && summary != null) {
            builder.addSummary(summary);
        }

        List<Message> messages = builder.messages;
        Instant created = v2Created != null ? v2Created
                : messages.isEmpty() ? now : messages.get(0).timestamp();
        Instant updated = messages.isEmpty() ? created : messages.get(messages.size() - 1).timestamp();
        if (v2Updated != null && v2Updated.isAfter(updated)) {
            updated = v2Updated;
        }
        if (updated.isBefore(created)) {
            updated = created;
        }
        return new Mapped(sourceId, sourceModel(root, history), List.copyOf(messages), created, updated,
                builder.repairs, builder.images);
    }

    private static String sourceModel(JsonNode root, JsonNode history) {
        String model = textOrNull(root.path("model_info").get("model_id"));
        if (model == null) {
            model = textOrNull(root.get("model"));
        }
        for (int i = history.size() - 1; model == null && i >= 0; i--) {
            model = textOrNull(history.get(i).path("request_metadata").get("model_id"));
        }
        return model;
    }

    private record Entry(JsonNode user, JsonNode assistant, JsonNode metadata) {
    }

    /** An entry is {@code {user, assistant, request_metadata}}; versions before request metadata wrote a pair. */
    private static Entry entry(JsonNode entry, int index) throws UnreadableRowException {
        JsonNode user;
        JsonNode assistant;
        JsonNode metadata = null;
        if (entry.isObject()) {
            user = entry.get("user");
            assistant = entry.get("assistant");
            metadata = entry.get("request_metadata");
        } else if (entry.isArray() && entry.size() == 2) {
            user = entry.get(0);
            assistant = entry.get(1);
        } else {
            throw new UnreadableRowException("history entry " + index + " is neither {user, assistant} nor a pair");
        }
        if (user == null || !user.isObject()) {
            throw new UnreadableRowException("history entry " + index + " has no user message");
        }
        if (assistant == null || !assistant.isObject()) {
            throw new UnreadableRowException("history entry " + index + " has no assistant message");
        }
        return new Entry(user, assistant, metadata == null || metadata.isNull() ? null : metadata);
    }

    private record Summary(String text, Instant time) {
    }

    /** {@code latest_summary} is {@code [text, request_metadata]}; older versions kept only the text. */
    private static Summary summary(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return new Summary(node.asText(), null);
        }
        if (node.isArray() && node.size() >= 1 && node.get(0).isTextual()) {
            JsonNode metadata = node.size() > 1 ? node.get(1) : null;
            return new Summary(node.get(0).asText(), assistantTime(metadata));
        }
        return null;
    }

    private static Instant userTime(JsonNode user, JsonNode metadata) {
        JsonNode stamp = user.get("timestamp");
        if (stamp != null && stamp.isTextual()) {
            try {
                return OffsetDateTime.parse(stamp.asText()).toInstant();
            } catch (DateTimeParseException e) {
                // Falls through to the request's start: a bad timestamp costs precision, not the conversation.
            }
        }
        return millis(metadata, "request_start_timestamp_ms");
    }

    private static Instant assistantTime(JsonNode metadata) {
        Instant end = millis(metadata, "stream_end_timestamp_ms");
        return end != null ? end : millis(metadata, "request_start_timestamp_ms");
    }

    private static Instant millis(JsonNode metadata, String field) {
        JsonNode value = metadata == null ? null : metadata.get(field);
        return value != null && value.canConvertToLong() && value.asLong() > 0 ? Instant.ofEpochMilli(value.asLong()) : null;
    }

    private static Instant earliestTime(JsonNode history, Summary summary, Instant v2Created, Instant now) {
        Instant earliest = v2Created;
        for (JsonNode entry : history) {
            if (entry.isObject() && entry.path("user").isObject()) {
                earliest = earlier(earliest, userTime(entry.get("user"), entry.get("request_metadata")));
                earliest = earlier(earliest, assistantTime(entry.get("request_metadata")));
            }
        }
        if (summary != null) {
            earliest = earlier(earliest, summary.time());
        }
        return earliest == null ? now : earliest;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static String textOrNull(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private record Tagged(String name, JsonNode body) {
    }

    /** Serde's externally tagged enums: {@code {"Variant": {...}}}. */
    private static Tagged tagged(JsonNode node, String what) throws UnreadableRowException {
        if (node != null && node.isObject() && node.size() == 1) {
            Map.Entry<String, JsonNode> only = node.properties().iterator().next();
            return new Tagged(only.getKey(), only.getValue());
        }
        if (node != null && node.isTextual()) {
            return new Tagged(node.asText(), null);
        }
        throw new UnreadableRowException(what + " is not a tagged value like {\"Prompt\": {...}}");
    }

    /** Builds the messages of one conversation in order, keeping ids unique and tool calls answered. */
    private final class Builder {

        private final List<Message> messages = new ArrayList<>();
        private final MessageIds ids = new MessageIds();
        /** The tool calls of the last assistant turn not answered yet: source tool-use id to message id. */
        private final Map<String, String> openCalls = new LinkedHashMap<>();
        private final Instant initial;
        private Instant last;
        private int users;
        private int assistants;
        private int repairs;
        private int images;

        Builder(Instant initial) {
            this.initial = initial;
        }

        boolean noOpenCalls() {
            return openCalls.isEmpty();
        }

        /** A time never before the previous message's, falling back to it when the source has none. */
        private Instant stamp(Instant candidate) {
            Instant at = candidate != null ? candidate : last != null ? last : initial;
            if (last != null && at.isBefore(last)) {
                at = last;
            }
            last = at;
            return at;
        }

        void addSummary(Summary summary) {
            messages.add(new AssistantMessage(ids.allocate(SUMMARY_ID), stamp(summary.time()),
                    SUMMARY_PREFIX + summary.text()));
        }

        void addUser(JsonNode user, Instant time, String where) throws UnreadableRowException {
            Tagged content = tagged(user.get("content"), where + ": the user content");
            String prompt = null;
            JsonNode results = null;
            switch (content.name()) {
                case "Prompt" -> {
                    prompt = textOrNull(content.body() == null ? null : content.body().get("prompt"));
                    if (prompt == null) {
                        throw new UnreadableRowException(where + ": a Prompt without prompt text");
                    }
                }
                case "ToolUseResults" -> results = content.body() == null ? null : content.body().get("tool_use_results");
                case "CancelledToolUses" -> {
                    prompt = textOrNull(content.body() == null ? null : content.body().get("prompt"));
                    results = content.body() == null ? null : content.body().get("tool_use_results");
                }
                default -> throw new UnreadableRowException(where + ": unknown user content kind \"" + content.name() + "\"");
            }
            Instant at = stamp(time);
            String imageText = imagePlaceholders(user.get("images"));
            int resultsAdded = 0;
            if (results != null && results.isArray()) {
                for (JsonNode result : results) {
                    addResult(result, at, where);
                    resultsAdded++;
                }
            }
            closeDanglingCalls();
            if (prompt != null) {
                String text = imageText.isEmpty() ? prompt : prompt.isEmpty() ? imageText : prompt + "\n\n" + imageText;
                messages.add(new UserMessage(ids.allocate("user-" + (++users)), at, text));
            } else if (!imageText.isEmpty()) {
                if (resultsAdded > 0 && messages.get(messages.size() - 1) instanceof ToolResult lastResult) {
                    // Images a tool returned travel with its result, where the model saw them.
                    messages.set(messages.size() - 1, new ToolResult(lastResult.id(), lastResult.timestamp(),
                            lastResult.toolCallId(), lastResult.content() + "\n" + imageText, lastResult.status()));
                } else {
                    messages.add(new UserMessage(ids.allocate("user-" + (++users)), at, imageText));
                }
            }
        }

        private void addResult(JsonNode result, Instant at, String where) throws UnreadableRowException {
            String sourceCallId = textOrNull(result.get("tool_use_id"));
            if (sourceCallId == null) {
                throw new UnreadableRowException(where + ": a tool result without tool_use_id");
            }
            String callId = openCalls.remove(sourceCallId);
            if (callId == null) {
                // The call is not in the history (the original trims old entries): keep the result, under a stand-in.
                callId = callIdFor(sourceCallId);
                messages.add(new ToolCall(callId, at, PLACEHOLDER_TOOL_NAME, JsonValue.emptyObject()));
                repairs++;
            }
            ToolResultStatus status = "Error".equalsIgnoreCase(textOrNull(result.get("status")))
                    ? ToolResultStatus.ERROR : ToolResultStatus.SUCCESS;
            messages.add(new ToolResult(ids.allocate("result-" + callId), at, callId,
                    resultText(result.get("content")), status));
        }

        void closeDanglingCalls() {
            for (String callId : openCalls.values()) {
                messages.add(new ToolResult(ids.allocate("result-" + callId), stamp(null), callId, MISSING_RESULT,
                        ToolResultStatus.ERROR));
                repairs++;
            }
            openCalls.clear();
        }

        void addAssistant(JsonNode assistant, Instant time, String where) throws UnreadableRowException {
            Tagged answer = tagged(assistant, where + ": the assistant message");
            JsonNode body = answer.body() == null ? MissingNode.getInstance() : answer.body();
            Instant at = stamp(time);
            String content = textOrNull(body.get("content"));
            switch (answer.name()) {
                case "Response" -> messages.add(new AssistantMessage(assistantId(textOrNull(body.get("message_id"))), at,
                        content == null ? "" : content));
                case "ToolUse" -> {
                    if (content != null && !content.isBlank()) {
                        messages.add(new AssistantMessage(assistantId(textOrNull(body.get("message_id"))), at, content));
                    }
                    for (JsonNode use : body.path("tool_uses")) {
                        addToolCall(use, at, where);
                    }
                }
                default -> throw new UnreadableRowException(where + ": unknown assistant message kind \"" + answer.name() + "\"");
            }
        }

        private void addToolCall(JsonNode use, Instant at, String where) throws UnreadableRowException {
            String sourceId = textOrNull(use.get("id"));
            String name = textOrNull(use.get("name"));
            if (sourceId == null || name == null) {
                throw new UnreadableRowException(where + ": a tool use without id or name");
            }
            JsonNode args = use.has("args") ? use.get("args") : use.get("orig_args");
            JsonValue arguments = JsonTrees.toJsonValue(args);
            if (!(arguments instanceof JsonValue.JsonObject)) {
                // Tool arguments are an object in Redux; a bare value is kept under "input".
                arguments = args == null || args.isNull() ? JsonValue.emptyObject()
                        : new JsonValue.JsonObject(Map.of("input", arguments));
            }
            String callId = callIdFor(sourceId);
            messages.add(new ToolCall(callId, at, name, arguments));
            openCalls.put(sourceId, callId);
        }

        private String callIdFor(String sourceId) {
            if (!ids.isFree(sourceId)) {
                repairs++;
            }
            return ids.allocate(sourceId);
        }

        private String assistantId(String sourceId) {
            if (sourceId == null) {
                return ids.allocate("assistant-" + (++assistants));
            }
            assistants++;
            if (!ids.isFree(sourceId)) {
                repairs++;
            }
            return ids.allocate(sourceId);
        }

        private String resultText(JsonNode blocks) {
            if (blocks == null || blocks.isNull()) {
                return "";
            }
            if (!blocks.isArray()) {
                return blockText(blocks);
            }
            List<String> parts = new ArrayList<>(blocks.size());
            blocks.forEach(block -> parts.add(blockText(block)));
            return String.join("\n", parts);
        }

        private String blockText(JsonNode block) {
            if (block.isObject() && block.size() == 1) {
                Map.Entry<String, JsonNode> only = block.properties().iterator().next();
                if (only.getKey().equals("Text") && only.getValue().isTextual()) {
                    return only.getValue().asText();
                }
                if (only.getKey().equals("Json")) {
                    return only.getValue().toString();
                }
            }
            // A block kind this migration does not know: keep it whole, as compact JSON.
            return block.isTextual() ? block.asText() : block.toString();
        }

        private String imagePlaceholders(JsonNode list) {
            if (list == null || !list.isArray() || list.isEmpty()) {
                return "";
            }
            List<String> placeholders = new ArrayList<>();
            for (JsonNode image : list) {
                String format = textOrNull(image.get("format"));
                JsonNode bytes = image.path("source").get(StateDocumentReader.BYTES);
                placeholders.add("[image: " + (format == null ? "unknown format" : format.toLowerCase(Locale.ROOT))
                        + (bytes != null && bytes.canConvertToLong() ? ", " + bytes.asLong() + " bytes" : "") + "]");
                images++;
            }
            return String.join("\n", placeholders);
        }
    }

}
