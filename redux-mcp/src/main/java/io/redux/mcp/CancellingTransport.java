package io.redux.mcp;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A transport that can cancel a tool call the protocol's way ({@code notifications/cancelled} with the call's request
 * id), which the SDK's client does not do when a caller gives up. Each call carries a key of ours in its
 * {@code _meta}; the request id the client picks for it is noted as the request goes out.
 */
final class CancellingTransport implements McpClientTransport {

    /** The {@code _meta} key naming a call, prefixed as the protocol asks of a client's own keys. */
    static final String CALL_KEY = "io.redux/call";

    private static final Duration SEND_LIMIT = Duration.ofSeconds(2);

    private final McpClientTransport delegate;
    private final Map<String, Object> requestIds = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> connected = new CompletableFuture<>();

    CancellingTransport(McpClientTransport delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        return delegate.connect(handler).doOnSuccess(ignored -> connected.complete(null));
    }

    /** Completes once the transport is connected: for stdio, once the server's process runs. */
    CompletableFuture<Void> connected() {
        return connected;
    }

    @Override
    public void setExceptionHandler(Consumer<Throwable> handler) {
        delegate.setExceptionHandler(handler);
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        if (message instanceof McpSchema.JSONRPCRequest request
                && request.params() instanceof McpSchema.CallToolRequest call
                && call.meta() != null && call.meta().get(CALL_KEY) instanceof String key) {
            requestIds.put(key, request.id());
        }
        return delegate.sendMessage(message);
    }

    /** Forgets a call that ended. */
    void ended(String key) {
        requestIds.remove(key);
    }

    /** Tells the server the call named {@code key} is cancelled, if it went out; a failure to tell is ignored. */
    void cancel(String key, String reason) {
        Object id = requestIds.remove(key);
        if (id == null) {
            return;
        }
        try {
            delegate.sendMessage(new McpSchema.JSONRPCNotification(McpSchema.JSONRPC_VERSION,
                    "notifications/cancelled", Map.of("requestId", id, "reason", reason))).block(SEND_LIMIT);
        } catch (RuntimeException e) {
            // The server is gone or stuck: nothing is left to cancel, and the caller has its answer already.
        }
    }

    @Override
    public Mono<Void> closeGracefully() {
        return delegate.closeGracefully();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
        return delegate.unmarshalFrom(data, type);
    }

    @Override
    public List<String> protocolVersions() {
        return delegate.protocolVersions();
    }
}
