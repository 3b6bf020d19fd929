package io.redux.testkit.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the MCP stub server offers and how it misbehaves, usually read from a small JSON file (the format is in
 * docs/testkit.md, "MCP stub server").
 *
 * @param serverName the name the server gives in its {@code initialize} answer
 * @param version    the version it gives there
 * @param start      how the server starts
 * @param exitCode   the exit code of {@link Start#EXIT}
 * @param tools      the tools it lists, in order
 */
public record McpStubScript(String serverName, String version, Start start, int exitCode, List<Tool> tools) {

    /** A 1x1 transparent PNG: the image a tool answers when the script names none. */
    public static final String DEFAULT_IMAGE = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the server starts. */
    public enum Start {
        /** Answers as a well-behaved server does. */
        NORMAL,
        /** Exits at once with a line on stderr and {@code exitCode} (over HTTP: nothing listens on the port). */
        EXIT,
        /** Never answers {@code initialize}. */
        HANG_IN_INITIALIZE,
        /** Writes a line that is not JSON before anything else (over HTTP: answers {@code initialize} with it). */
        GARBAGE
    }

    /** What a tool call answers. */
    public enum ReplyKind {
        /** The fixed {@code text}. */
        TEXT,
        /** The call's arguments as JSON text. */
        ECHO,
        /** {@code isError: true} with the fixed {@code text}. */
        ERROR,
        /** {@code size} bytes of text. */
        BYTES,
        /** {@code content} as structured content, and as JSON text for clients that read text only. */
        STRUCTURED,
        /** One image content item: base64 {@code data} of {@code mimeType}. */
        IMAGE,
        /** Never answers; a {@code notifications/cancelled} for the call is recorded. */
        HANG,
        /** Ends the process in the middle of the call (stdio; exit code 3) or drops the connection (HTTP). */
        EXIT
    }

    /**
     * A tool the server lists.
     *
     * @param inputSchema  a JSON Schema object
     * @param outputSchema a JSON Schema object, or null for none
     */
    public record Tool(String name, String description, Map<String, Object> inputSchema, Map<String, Object> outputSchema,
                       Reply reply) {

        public Tool {
            Objects.requireNonNull(name, "name");
            description = description == null ? "" : description;
            inputSchema = inputSchema == null ? Map.of("type", "object") : inputSchema;
            Objects.requireNonNull(reply, "reply");
        }
    }

    /**
     * What a call of a tool answers; only the fields its kind uses are set.
     *
     * @param text     the text of {@link ReplyKind#TEXT} and {@link ReplyKind#ERROR}
     * @param size     the number of bytes of {@link ReplyKind#BYTES}
     * @param content  the structured content of {@link ReplyKind#STRUCTURED}
     * @param data     the base64 image of {@link ReplyKind#IMAGE}
     * @param mimeType the image's type
     */
    public record Reply(ReplyKind kind, String text, int size, Map<String, Object> content, String data, String mimeType) {

        public Reply {
            Objects.requireNonNull(kind, "kind");
        }

        public static Reply text(String text) {
            return new Reply(ReplyKind.TEXT, text, 0, null, null, null);
        }

        public static Reply of(ReplyKind kind) {
            return new Reply(kind, "", 0, null, null, null);
        }
    }

    public McpStubScript {
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(start, "start");
        tools = List.copyOf(tools);
    }

    /** The script used when none is given: a normal server with one {@code echo} tool. */
    public static McpStubScript defaultScript() {
        return new McpStubScript("redux-mcp-stub", "1.0.0", Start.NORMAL, 1, List.of(new Tool("echo",
                "Answers its arguments as JSON text.",
                Map.of("type", "object", "properties", Map.of("text", Map.of("type", "string"))), null,
                Reply.of(ReplyKind.ECHO))));
    }

    /** This script with another start. */
    public McpStubScript withStart(Start newStart) {
        return new McpStubScript(serverName, version, newStart, exitCode, tools);
    }

    /** The tool named {@code name}, or null. */
    public Tool tool(String name) {
        return tools.stream().filter(tool -> tool.name().equals(name)).findFirst().orElse(null);
    }

    /** Reads the script file at {@code file}. */
    public static McpStubScript read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MCP stub script " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a script.
     *
     * @throws IllegalArgumentException naming what is wrong when {@code json} is not a valid script
     */
    public static McpStubScript parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the MCP stub script is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the MCP stub script must be a JSON object");
        }
        McpStubScript defaults = defaultScript();
        List<Tool> tools = new ArrayList<>();
        Set<String> names = new HashSet<>();
        JsonNode toolNodes = root.path("tools");
        if (!toolNodes.isMissingNode() && !toolNodes.isArray()) {
            throw new IllegalArgumentException("\"tools\" must be an array");
        }
        for (JsonNode node : toolNodes) {
            Tool tool = tool(node, tools.size());
            if (!names.add(tool.name())) {
                throw new IllegalArgumentException("tool \"" + tool.name() + "\" is listed twice");
            }
            tools.add(tool);
        }
        return new McpStubScript(root.path("serverName").asText(defaults.serverName()),
                root.path("version").asText(defaults.version()),
                constant(Start.class, root.path("start").asText("normal"), "\"start\""),
                root.path("exitCode").asInt(1),
                toolNodes.isMissingNode() ? defaults.tools() : tools);
    }

    private static Tool tool(JsonNode node, int index) {
        String where = "tool " + (index + 1);
        if (!node.isObject() || !node.path("name").isTextual() || node.path("name").asText().isEmpty()) {
            throw new IllegalArgumentException(where + " needs a \"name\"");
        }
        where = "tool \"" + node.path("name").asText() + "\"";
        ReplyKind kind = constant(ReplyKind.class, node.path("reply").asText("echo"), where + ": \"reply\"");
        if (kind == ReplyKind.BYTES && (!node.path("size").canConvertToInt() || node.path("size").asInt() < 0)) {
            throw new IllegalArgumentException(where + ": reply \"bytes\" needs a \"size\" of zero or more");
        }
        Reply reply = new Reply(kind, node.path("text").asText(""), node.path("size").asInt(0),
                object(node, "content", where), node.path("data").asText(DEFAULT_IMAGE),
                node.path("mimeType").asText("image/png"));
        if (kind == ReplyKind.STRUCTURED && reply.content() == null) {
            throw new IllegalArgumentException(where + ": reply \"structured\" needs a \"content\" object");
        }
        return new Tool(node.path("name").asText(), node.path("description").asText(""),
                object(node, "inputSchema", where), object(node, "outputSchema", where), reply);
    }

    private static Map<String, Object> object(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" must be a JSON object");
        }
        return JSON.convertValue(value, new TypeReference<Map<String, Object>>() {
        });
    }

    /** {@code hang-in-initialize} names {@code HANG_IN_INITIALIZE}. */
    private static <E extends Enum<E>> E constant(Class<E> type, String name, String what) {
        String wanted = name.replace('-', '_').toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(what + " is \"" + name + "\"; one of "
                        + Arrays.stream(type.getEnumConstants())
                        .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .collect(Collectors.joining(", "))));
    }
}
