package io.redux.aws;

import io.redux.domain.history.Block;
import io.redux.domain.history.HistoryRepair;
import io.redux.domain.json.JsonValue;
import io.redux.domain.model.Message;
import io.redux.domain.model.StopReason;
import io.redux.domain.model.TokenUsage;
import io.redux.domain.port.ModelRequest;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAI-compatible chat payload that current LLM serving containers accept (TGI's Messages API, vLLM, LMI):
 * {@code {"messages":[{"role":"system"|"user"|"assistant","content":"..."}],"max_tokens":N,"temperature":T,
 * "stream":true}}. Answers are streamed: server-sent-event lines {@code data: {chat.completion.chunk}} ending with
 * {@code data: [DONE]}.
 *
 * <p>Tools are not sent: not every container supports them. Tool calls and results in the history are sent as
 * text, so the model still sees what happened. The domain's {@code HistoryRepair} makes roles
 * alternate and start with a user turn, as chat templates need.
 */
final class OpenAiChatFormat implements ChatPayloadFormat {

    @Override
    public byte[] request(ModelRequest request) {
        Map<String, JsonValue> body = new LinkedHashMap<>();
        List<JsonValue> messages = new ArrayList<>();
        if (request.systemPrompt() != null && !request.systemPrompt().isBlank()) {
            messages.add(message("system", request.systemPrompt()));
        }
        messages.addAll(turns(request.history()));
        body.put("messages", new JsonValue.JsonArray(messages));
        if (request.settings().maxTokens() != null) {
            body.put("max_tokens", new JsonValue.JsonNumber(BigDecimal.valueOf(request.settings().maxTokens())));
        }
        if (request.settings().temperature() != null) {
            body.put("temperature", new JsonValue.JsonNumber(BigDecimal.valueOf(request.settings().temperature())));
        }
        body.put("stream", new JsonValue.JsonBoolean(true));
        return new JsonValue.JsonObject(body).toJson().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public StreamDecoder streamDecoder(AnswerCollector collector) {
        return new StreamDecoder() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

            @Override
            public void accept(byte[] part) {
                for (byte b : part) {
                    if (b == '\n') {
                        line(new String(pending.toByteArray(), StandardCharsets.UTF_8).strip());
                        pending.reset();
                    } else {
                        pending.write(b);
                    }
                }
            }

            @Override
            public void end() {
                line(new String(pending.toByteArray(), StandardCharsets.UTF_8).strip());
                pending.reset();
            }

            private void line(String line) {
                String data = line.startsWith("data:") ? line.substring(5).strip() : line;
                if (data.equals("[DONE]")) {
                    collector.ended();
                    return;
                }
                if (data.isEmpty() || !data.startsWith("{")) {
                    return;
                }
                JsonNode chunk;
                try {
                    chunk = JsonNode.parser().parse(data);
                } catch (RuntimeException e) {
                    // Thrown here it would vanish inside the SDK's stream handler, and the answer pass as whole.
                    collector.unreadable("a streamed line that is not JSON ("
                            + (data.length() > 60 ? data.substring(0, 60) + "..." : data) + ")");
                    return;
                }
                chunk.field("choices").filter(JsonNode::isArray).map(JsonNode::asArray).filter(c -> !c.isEmpty())
                        .map(c -> c.get(0)).ifPresent(choice -> {
                            choice.field("delta").flatMap(d -> d.field("content")).filter(JsonNode::isString)
                                    .ifPresent(content -> collector.text(content.asString()));
                            choice.field("finish_reason").filter(JsonNode::isString)
                                    .ifPresent(f -> collector.stopped(stopReason(f.asString())));
                        });
                TokenUsage usage = usage(chunk);
                if (usage.totalTokens() > 0) {
                    collector.usage(usage.inputTokens(), usage.outputTokens());
                }
            }
        };
    }

    /** The domain's repaired turns, each block as text: tool uses and results are not sent as structures. */
    private static List<JsonValue> turns(List<Message> history) {
        return HistoryRepair.repair(history).stream().map(turn -> message(turn.isUser() ? "user" : "assistant",
                String.join("\n\n", turn.blocks().stream().map(block -> block.accept(TEXT_OF)).toList()))).toList();
    }

    private static JsonValue message(String role, String content) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        members.put("role", JsonValue.of(role));
        members.put("content", JsonValue.of(content));
        return new JsonValue.JsonObject(members);
    }

    private static StopReason stopReason(String finishReason) {
        if ("length".equals(finishReason)) {
            return StopReason.MAX_TOKENS;
        }
        if ("content_filter".equals(finishReason)) {
            return StopReason.CONTENT_FILTERED;
        }
        return StopReason.END_TURN;
    }

    private static TokenUsage usage(JsonNode root) {
        return root.field("usage").filter(JsonNode::isObject).map(u -> new TokenUsage(
                u.field("prompt_tokens").filter(JsonNode::isNumber).map(n -> Long.parseLong(n.asNumber())).orElse(0L),
                u.field("completion_tokens").filter(JsonNode::isNumber).map(n -> Long.parseLong(n.asNumber())).orElse(0L)))
                .orElse(TokenUsage.NONE);
    }

    private static final Block.Visitor<String> TEXT_OF = new Block.Visitor<>() {
        @Override
        public String visitText(Block.Text text) {
            return text.text();
        }

        @Override
        public String visitToolUse(Block.ToolUse toolUse) {
            return "[called tool " + toolUse.toolName() + " with " + toolUse.input().toJson() + "]";
        }

        @Override
        public String visitToolResult(Block.ToolResult result) {
            return "[tool " + (result.error() ? "error" : "result") + " for " + result.toolUseId() + "]\n" + result.content();
        }
    };
}
