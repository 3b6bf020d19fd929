package io.redux.mcp;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redux.domain.error.InvalidInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adds a server to, or removes one from, the content of an {@code mcp.json}, keeping everything else as it is: the
 * other servers, and fields Redux does not know. The caller writes the result (atomically).
 */
public final class McpConfigEdits {

    private McpConfigEdits() {
    }

    /** A server to add: a command with its arguments and environment, or a URL with its headers. */
    public record NewServer(String command, List<String> args, Map<String, String> env, String url,
                            Map<String, String> headers, Optional<Long> timeoutMillis) {

        public NewServer {
            args = List.copyOf(args);
            env = Map.copyOf(env);
            headers = Map.copyOf(headers);
            if ((command == null) == (url == null)) {
                throw new InvalidInputException("Give a server a command or a URL, one of the two.");
            }
            if (timeoutMillis.isPresent() && timeoutMillis.get() <= 0) {
                throw new InvalidInputException("The timeout is a positive number of milliseconds, not "
                        + timeoutMillis.get() + ".");
            }
        }
    }

    /**
     * {@code current} (empty: no file yet) with server {@code name} added.
     *
     * @throws InvalidInputException when the server exists and {@code replace} is false, or the file is not JSON
     */
    public static byte[] withServer(Optional<byte[]> current, String where, String name, NewServer server,
                                    boolean replace) {
        ObjectNode root = current.map(content -> parse(content, where)).orElseGet(JsonValues.MAPPER::createObjectNode);
        ObjectNode servers = servers(root, where);
        if (servers.has(name) && !replace) {
            throw new InvalidInputException("There is already an MCP server " + InvalidInputException.quote(name)
                    + " in " + where + ".");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (server.command() != null) {
            fields.put("command", server.command());
            fields.put("args", server.args());
            if (!server.env().isEmpty()) {
                fields.put("env", new java.util.TreeMap<>(server.env()));
            }
        } else {
            fields.put("url", server.url());
            if (!server.headers().isEmpty()) {
                fields.put("headers", new java.util.TreeMap<>(server.headers()));
            }
        }
        server.timeoutMillis().ifPresent(timeout -> fields.put("timeout", timeout));
        servers.set(name, JsonValues.MAPPER.valueToTree(fields));
        return write(root);
    }

    /**
     * {@code current} without server {@code name}.
     *
     * @throws InvalidInputException when there is no such server, or the file is not JSON
     */
    public static byte[] withoutServer(byte[] current, String where, String name) {
        ObjectNode root = parse(current, where);
        ObjectNode servers = servers(root, where);
        if (servers.remove(name) == null) {
            throw new InvalidInputException("There is no MCP server " + InvalidInputException.quote(name) + " in "
                    + where + ".");
        }
        return write(root);
    }

    private static ObjectNode parse(byte[] content, String where) {
        try {
            JsonNode root = JsonValues.MAPPER.readTree(content);
            if (root instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidInputException(where + " is not valid JSON" + (at != null ? " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr() : "") + "; fix it first, it is left as it is.");
        } catch (IOException e) {
            throw new InvalidInputException(where + " could not be read: " + e.getMessage());
        }
        throw new InvalidInputException(where + " is not a JSON object; fix it first, it is left as it is.");
    }

    private static ObjectNode servers(ObjectNode root, String where) {
        JsonNode servers = root.get("mcpServers");
        if (servers == null || servers.isNull()) {
            return root.putObject("mcpServers");
        }
        if (!(servers instanceof ObjectNode object)) {
            throw new InvalidInputException("mcpServers in " + where + " is not an object; fix it first, it is left "
                    + "as it is.");
        }
        return object;
    }

    private static byte[] write(ObjectNode root) {
        try {
            return (JsonValues.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree read from JSON is written as JSON", e);
        }
    }
}
