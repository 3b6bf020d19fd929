package io.redux.testkit.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code tools/call} the MCP stub server received.
 *
 * @param requestId the JSON-RPC id of the call, as JSON text ({@code 1} or {@code "abc"})
 * @param name      the tool's name
 * @param arguments the arguments, as JSON text ({@code {}} when the call had none)
 * @param cancelled whether a {@code notifications/cancelled} for this call arrived
 */
public record McpStubCall(String requestId, String name, String arguments, boolean cancelled) {

    private static final ObjectMapper JSON = new ObjectMapper();

    McpStubCall cancel() {
        return new McpStubCall(requestId, name, arguments, true);
    }

    /** The line {@code --calls-log} appends for this call. */
    String logLine() {
        Map<String, Object> line = new LinkedHashMap<>();
        try {
            line.put("id", JSON.readTree(requestId));
            line.put("name", name);
            line.put("arguments", JSON.readTree(arguments));
            line.put("cancelled", cancelled);
            return JSON.writeValueAsString(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The calls a stub run with {@code --calls-log FILE} wrote, in the order they arrived; a call logged again when
     * it was cancelled counts once, as cancelled. No file yet means no call.
     */
    public static List<McpStubCall> readLog(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        Map<String, McpStubCall> calls = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                McpStubCall call = new McpStubCall(node.path("id").toString(), node.path("name").asText(),
                        node.path("arguments").toString(), node.path("cancelled").asBoolean());
                calls.merge(call.requestId(), call, (first, later) -> later.cancelled() ? first.cancel() : first);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MCP stub calls log " + file + ": " + e.getMessage(), e);
        }
        return new ArrayList<>(calls.values());
    }
}
