package io.redux.mcp;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One started MCP server: the SDK's client over the server's transport, initialized. */
final class McpConnection implements AutoCloseable {

    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(2);

    private final McpServerConfig config;
    private final CancellingTransport transport;
    private final McpAsyncClient client;
    /**
     * Completes when a stdio server's process ends. The SDK leaves a request pending when the process it waits on
     * ends, so every wait here also ends on this.
     */
    private final CompletableFuture<Void> exited = new CompletableFuture<>();

    private McpConnection(McpServerConfig config, CancellingTransport transport, McpAsyncClient client) {
        this.config = config;
        this.transport = transport;
        this.client = client;
    }

    /**
     * Starts the server and initializes the session, waiting at most the server's start timeout.
     *
     * @throws McpServerException saying why it could not start
     */
    static McpConnection open(McpServerConfig config, String clientVersion, Map<String, String> environment) {
        if (config.transport() instanceof McpServerConfig.Stdio stdio) {
            Commands.requireFound(stdio.command(), environment);
        }
        McpClientTransport sdkTransport = transport(config);
        CancellingTransport transport = new CancellingTransport(sdkTransport);
        McpAsyncClient client = McpClient.async(transport)
                .clientInfo(new McpSchema.Implementation("redux_cli", clientVersion))
                // Later than our own waits (below), so a server that never answers is our one clear line, not the SDK's.
                .requestTimeout(config.callTimeout().plusSeconds(5))
                .initializationTimeout(config.startTimeout().plusSeconds(5))
                // The model is given what the server sent, checked against no schema: accept every structured output.
                .jsonSchemaValidator((schema, structured) -> JsonSchemaValidator.ValidationResponse.asValid(
                        JsonValues.toJson(structured)))
                .build();
        McpConnection connection = new McpConnection(config, transport, client);
        if (sdkTransport instanceof StdioClientTransport stdio) {
            connection.watch(stdio);
        }
        try {
            connection.await(client.initialize().toFuture(), config.startTimeout(), "start");
            return connection;
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static McpClientTransport transport(McpServerConfig config) {
        JacksonMcpJsonMapper mapper = new JacksonMcpJsonMapper(JsonValues.MAPPER);
        if (config.transport() instanceof McpServerConfig.Stdio stdio) {
            List<String> commandLine = Commands.outOfReachOfCtrlC(stdio.command(), stdio.args());
            StdioClientTransport transport = new StdioClientTransport(ServerParameters.builder(commandLine.get(0))
                    .args(commandLine.subList(1, commandLine.size())).env(stdio.env()).build(), mapper);
            transport.setStdErrorHandler(line -> { });
            return transport;
        }
        McpServerConfig.Http http = (McpServerConfig.Http) config.transport();
        URI uri = URI.create(http.url());
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        String endpoint = http.url().substring(base.length());
        return HttpClientStreamableHttpTransport.builder(base)
                .endpoint(endpoint.isEmpty() ? "/" : endpoint)
                .jsonMapper(mapper)
                .connectTimeout(config.startTimeout())
                .httpRequestCustomizer((request, method, target, body, context) -> http.headers()
                        .forEach(request::header))
                .build();
    }

    private void watch(StdioClientTransport stdio) {
        Thread watcher = new Thread(() -> {
            try {
                transport.connected().join();
                stdio.awaitForExit();
            } catch (RuntimeException e) {
                // Interrupted or never started: either way, nothing more will come from it.
            }
            exited.complete(null);
        }, "mcp-exit-" + config.name());
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Completes when the server's process ends (a stdio server only: over HTTP there is no process to watch). */
    CompletableFuture<Void> exited() {
        return exited;
    }

    /** Every tool the server offers, page by page. */
    List<McpSchema.Tool> listTools() {
        List<McpSchema.Tool> tools = new ArrayList<>();
        String cursor = null;
        do {
            McpSchema.ListToolsResult page = await(client.listTools(cursor).toFuture(), config.startTimeout(),
                    "list its tools");
            tools.addAll(page.tools());
            cursor = page.nextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return tools;
    }

    /**
     * Calls a tool and waits for its result at most the server's call timeout. An interrupted caller, or a call that
     * took too long, cancels the call on the server.
     *
     * @throws McpServerException when the server failed or took too long
     * @throws InterruptedException when the caller was interrupted (the call is cancelled)
     */
    McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        CompletableFuture<McpSchema.CallToolResult> result = client.callTool(
                new McpSchema.CallToolRequest(tool, arguments, Map.of(CancellingTransport.CALL_KEY, key))).toFuture();
        try {
            CompletableFuture.anyOf(result, exited).get(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!result.isDone()) {
                throw new McpServerException("exited while running " + tool);
            }
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            transport.cancel(key, "The user cancelled the call.");
            throw e;
        } catch (TimeoutException e) {
            result.cancel(true);
            transport.cancel(key, "No answer within " + seconds(config.callTimeout()) + ".");
            throw new McpServerException("did not answer " + tool + " within " + seconds(config.callTimeout()));
        } catch (ExecutionException e) {
            throw new McpServerException(tool + " failed: " + McpServerException.reason(e.getCause()));
        } finally {
            transport.ended(key);
        }
    }

    private <T> T await(CompletableFuture<T> future, Duration limit, String what) {
        try {
            CompletableFuture.anyOf(future, exited).get(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!future.isDone()) {
                future.cancel(true);
                throw new McpServerException("exited before it could " + what);
            }
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new McpServerException("interrupted while waiting to " + what);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new McpServerException("did not " + what + " within " + seconds(limit));
        } catch (ExecutionException e) {
            throw new McpServerException("could not " + what + ": " + McpServerException.reason(e.getCause()));
        }
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** Ends the session: the child process of a stdio server is stopped. */
    @Override
    public void close() {
        try {
            client.closeGracefully().block(CLOSE_LIMIT);
        } catch (RuntimeException e) {
            client.close();
        }
    }
}
