package io.redux.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.redux.domain.json.JsonValue;
import io.redux.domain.port.ToolSpec;
import io.redux.domain.tool.OutputLimit;
import io.redux.domain.tool.Tool;
import io.redux.domain.tool.ToolOutput;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One tool of an MCP server, offered to the model under its {@link ToolNames model name} and trusted by
 * {@code @server/tool} or {@code @server}. Its result becomes text: text blocks as they are, structured content as
 * JSON when no text says it, images and other binary blocks as a short placeholder; cut to the output limit of every
 * tool. An {@code isError} result is an error output.
 */
final class McpTool implements Tool {

    private final String server;
    private final McpSchema.Tool tool;
    private final ToolSpec spec;
    private final McpConnection connection;
    private final Consumer<String> serverFailure;

    McpTool(String server, McpSchema.Tool tool, McpConnection connection, Consumer<String> serverFailure) {
        this.server = server;
        this.tool = tool;
        this.connection = connection;
        this.serverFailure = serverFailure;
        String description = tool.description() != null && !tool.description().isBlank() ? tool.description()
                : tool.title() != null ? tool.title() : tool.name();
        this.spec = new ToolSpec(ToolNames.forModel(server, tool.name()), description,
                JsonValues.toObject(tool.inputSchema()));
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public List<String> trustNames() {
        return List.of(ToolNames.qualified(server, tool.name()), "@" + server);
    }

    @Override
    public ToolOutput run(JsonValue.JsonObject arguments) {
        McpSchema.CallToolResult result;
        try {
            result = connection.call(tool.name(), JsonValues.toMap(arguments));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ToolOutput.error("Cancelled: the user interrupted " + ToolNames.qualified(server, tool.name())
                    + ".");
        } catch (McpServerException e) {
            serverFailure.accept(e.getMessage());
            return ToolOutput.error("MCP server " + server + " " + e.getMessage() + ".");
        }
        String text = OutputLimit.cut(text(result), OutputLimit.DEFAULT_BYTES);
        return Boolean.TRUE.equals(result.isError()) ? ToolOutput.error(text) : ToolOutput.success(text);
    }

    static String text(McpSchema.CallToolResult result) {
        List<String> parts = new ArrayList<>();
        boolean hasText = false;
        for (McpSchema.Content content : result.content() == null ? List.<McpSchema.Content>of() : result.content()) {
            if (content instanceof McpSchema.TextContent text) {
                parts.add(text.text());
                hasText = true;
            } else if (content instanceof McpSchema.ImageContent image) {
                parts.add(placeholder("image", image.mimeType(), image.data()));
            } else if (content instanceof McpSchema.AudioContent audio) {
                parts.add(placeholder("audio", audio.mimeType(), audio.data()));
            } else if (content instanceof McpSchema.EmbeddedResource embedded) {
                parts.add(embedded.resource() instanceof McpSchema.TextResourceContents text ? text.text()
                        : "[resource: " + embedded.resource().uri() + "]");
            } else if (content instanceof McpSchema.ResourceLink link) {
                parts.add("[resource link: " + link.uri() + "]");
            }
        }
        if (!hasText && result.structuredContent() != null) {
            parts.add(JsonValues.toJson(result.structuredContent()));
        }
        return String.join("\n", parts);
    }

    /** {@code [image: image/png, 12 KB]}: what the model is told of a block it cannot read as text. */
    private static String placeholder(String kind, String mimeType, String base64) {
        long bytes = base64 == null ? 0 : base64.length() * 3L / 4;
        return "[" + kind + ": " + mimeType + ", " + (bytes < 1024 ? bytes + " bytes" : bytes / 1024 + " KB") + "]";
    }
}
