package io.redux.testkit.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sees every JSON-RPC message a client sends before the SDK does: records the tool calls and their cancellation
 * (the SDK's server ignores {@code notifications/cancelled}, and its tool handlers do not know a call's id), and
 * tells the transport when the script wants a message answered badly. Thread-safe.
 */
final class McpStubWire {

    /** What the transport does with a message. */
    enum Action {
        /** Hand it to the SDK. */
        FORWARD,
        /** Drop it: it is never answered. */
        SWALLOW,
        /** End the process (stdio) or drop the connection (HTTP). */
        DROP,
        /** Answer with something that is not JSON. */
        GARBAGE
    }

    static final String GARBAGE = "this is not JSON-RPC: the MCP stub misbehaves as its script asks";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final McpStubScript script;
    private final Path callsLog;
    private final Map<String, McpStubCall> calls = new LinkedHashMap<>();

    /** @param callsLog the file a line is appended to per call and per cancellation, or null */
    McpStubWire(McpStubScript script, Path callsLog) {
        this.script = script;
        this.callsLog = callsLog;
    }

    Action inspect(String message) {
        JsonNode node;
        try {
            node = JSON.readTree(message);
        } catch (IOException e) {
            return Action.FORWARD; // the SDK answers what is not JSON itself
        }
        if (node == null || !node.isObject()) {
            return Action.FORWARD;
        }
        String method = node.path("method").asText("");
        switch (method) {
            case "initialize":
                if (script.start() == McpStubScript.Start.HANG_IN_INITIALIZE) {
                    return Action.SWALLOW;
                }
                return script.start() == McpStubScript.Start.GARBAGE ? Action.GARBAGE : Action.FORWARD;
            case "tools/call":
                JsonNode params = node.path("params");
                JsonNode arguments = params.path("arguments");
                McpStubCall call = new McpStubCall(node.path("id").toString(), params.path("name").asText(),
                        arguments.isObject() ? arguments.toString() : "{}", false);
                record(call);
                McpStubScript.Tool tool = script.tool(call.name());
                return tool != null && tool.reply().kind() == McpStubScript.ReplyKind.EXIT ? Action.DROP : Action.FORWARD;
            case "notifications/cancelled":
                cancel(node.path("params").path("requestId").toString());
                return Action.FORWARD;
            default:
                return Action.FORWARD;
        }
    }

    List<McpStubCall> calls() {
        synchronized (calls) {
            return List.copyOf(new ArrayList<>(calls.values()));
        }
    }

    List<McpStubCall> awaitCalls(int count) throws InterruptedException {
        synchronized (calls) {
            while (calls.size() < count) {
                calls.wait();
            }
            return calls();
        }
    }

    private void record(McpStubCall call) {
        synchronized (calls) {
            calls.put(call.requestId(), call);
            log(call);
            calls.notifyAll();
        }
    }

    private void cancel(String requestId) {
        synchronized (calls) {
            McpStubCall call = calls.get(requestId);
            if (call != null && !call.cancelled()) {
                calls.put(requestId, call.cancel());
                log(call.cancel());
            }
        }
    }

    private void log(McpStubCall call) {
        if (callsLog == null) {
            return;
        }
        try {
            Files.write(callsLog, (call.logLine() + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the calls log " + callsLog + ": " + e.getMessage(), e);
        }
    }
}
