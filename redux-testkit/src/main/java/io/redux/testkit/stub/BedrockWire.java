package io.redux.testkit.stub;

import java.util.ArrayList;
import java.util.List;

/** Bedrock's Converse and ConverseStream wire shapes for a {@link StubReply}. */
final class BedrockWire {

    private BedrockWire() {
    }

    static String converseResponse(StubReply reply) {
        List<String> content = new ArrayList<>();
        for (StubReply.Block block : reply.blocks()) {
            if (block instanceof StubReply.Text text) {
                content.add("{\"text\":" + MiniJson.quote(text.text()) + "}");
            } else if (block instanceof StubReply.ToolUse tool) {
                content.add("{\"toolUse\":{\"toolUseId\":" + MiniJson.quote(tool.toolUseId()) + ",\"name\":"
                        + MiniJson.quote(tool.name()) + ",\"input\":" + tool.inputJson() + "}}");
            }
        }
        return "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[" + String.join(",", content) + "]}},"
                + "\"stopReason\":" + MiniJson.quote(reply.stopReason()) + "," + usage(reply)
                + ",\"metrics\":{\"latencyMs\":1}}";
    }

    /** messageStart, per block (contentBlockStart for tool use) deltas and contentBlockStop, messageStop, metadata. */
    static List<byte[]> streamEvents(StubReply reply) {
        List<byte[]> events = new ArrayList<>();
        events.add(EventStreamEncoder.event("messageStart", "{\"role\":\"assistant\"}"));
        for (int index = 0; index < reply.blocks().size(); index++) {
            StubReply.Block block = reply.blocks().get(index);
            if (block instanceof StubReply.Text text) {
                for (String chunk : text.chunks()) {
                    events.add(delta(index, "{\"text\":" + MiniJson.quote(chunk) + "}"));
                }
            } else if (block instanceof StubReply.ToolUse tool) {
                events.add(EventStreamEncoder.event("contentBlockStart", "{\"contentBlockIndex\":" + index
                        + ",\"start\":{\"toolUse\":{\"toolUseId\":" + MiniJson.quote(tool.toolUseId())
                        + ",\"name\":" + MiniJson.quote(tool.name()) + "}}}"));
                for (String chunk : tool.inputChunks()) {
                    events.add(delta(index, "{\"toolUse\":{\"input\":" + MiniJson.quote(chunk) + "}}"));
                }
            }
            events.add(EventStreamEncoder.event("contentBlockStop", "{\"contentBlockIndex\":" + index + "}"));
        }
        events.add(EventStreamEncoder.event("messageStop", "{\"stopReason\":" + MiniJson.quote(reply.stopReason()) + "}"));
        events.add(EventStreamEncoder.event("metadata", "{" + usage(reply) + ",\"metrics\":{\"latencyMs\":1}}"));
        return events;
    }

    private static byte[] delta(int index, String delta) {
        return EventStreamEncoder.event("contentBlockDelta",
                "{\"contentBlockIndex\":" + index + ",\"delta\":" + delta + "}");
    }

    private static String usage(StubReply reply) {
        return "\"usage\":{\"inputTokens\":" + reply.inputTokens() + ",\"outputTokens\":" + reply.outputTokens()
                + ",\"totalTokens\":" + (reply.inputTokens() + reply.outputTokens()) + "}";
    }
}
