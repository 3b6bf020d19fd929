package io.redux.testkit.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/** The SDK server a script describes: its tools and what each call answers. */
final class McpStubTools {

    /**
     * Accepts every schema and value: the stub answers as scripted whatever it is sent, and the SDK's own validator
     * would pull in a schema library the stub does not need.
     */
    static final JsonSchemaValidator ACCEPT_ALL = new JsonSchemaValidator() {
        @Override
        public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
            return ValidationResponse.asValid(null);
        }

        @Override
        public ValidationResponse validateSchema(Map<String, Object> schema) {
            return ValidationResponse.asValid(null);
        }
    };

    private final McpStubScript script;
    private final McpJsonMapper json;
    /** Released when the server closes: the calls that hang until then return. */
    private final CountDownLatch closed = new CountDownLatch(1);

    McpStubTools(McpStubScript script, McpJsonMapper json) {
        this.script = script;
        this.json = json;
    }

    /** Builds the server {@code spec} ({@code McpServer.sync(transport)}) starts with the script's tools. */
    McpSyncServer build(McpServer.SyncSpecification<?> spec) {
        return spec.serverInfo(script.serverName(), script.version())
                .jsonMapper(json)
                .jsonSchemaValidator(ACCEPT_ALL)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(script.tools().stream().map(this::specification).collect(Collectors.toList()))
                .build();
    }

    void releaseHangingCalls() {
        closed.countDown();
    }

    private SyncToolSpecification specification(McpStubScript.Tool tool) {
        McpSchema.Tool.Builder described = McpSchema.Tool.builder().name(tool.name()).description(tool.description())
                .inputSchema(tool.inputSchema());
        if (tool.outputSchema() != null) {
            described.outputSchema(tool.outputSchema());
        }
        return SyncToolSpecification.builder().tool(described.build())
                .callHandler((exchange, request) -> answer(tool.reply(), request))
                .build();
    }

    private CallToolResult answer(McpStubScript.Reply reply, CallToolRequest request) {
        switch (reply.kind()) {
            case TEXT:
                return text(reply.text());
            case ECHO:
                return text(write(request.arguments() == null ? Map.of() : request.arguments()));
            case ERROR:
                return CallToolResult.builder().addTextContent(reply.text()).isError(true).build();
            case BYTES:
                return text("x".repeat(reply.size()));
            case STRUCTURED:
                return CallToolResult.builder().structuredContent(reply.content())
                        .addTextContent(write(reply.content())).build();
            case IMAGE:
                return CallToolResult.builder()
                        .content(List.of(new McpSchema.ImageContent(null, reply.data(), reply.mimeType()))).build();
            case HANG:
                awaitClose();
                return CallToolResult.builder().addTextContent("the MCP stub closed").isError(true).build();
            default:
                // EXIT never reaches the SDK: the wire ends the process or drops the connection first.
                throw new IllegalStateException("reply " + reply.kind() + " is handled by the transport");
        }
    }

    private void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CallToolResult text(String text) {
        return CallToolResult.builder().addTextContent(text).build();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
