package io.redux.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.redux.domain.tool.Tool;
import io.redux.domain.tool.ToolRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The MCP servers of one run: each starts on a thread of its own, in parallel, and its tools join the registry the
 * moment it is ready; nothing waits for a server unless it asks to ({@link #awaitStarts}). A server that fails to
 * start, dies or hangs is reported to the {@link Events} once and the others go on. {@link #close} ends every session
 * and every process the run started that still runs, so nothing outlives the CLI. Thread-safe.
 */
public final class McpServers implements AutoCloseable {

    /** What becomes of the servers; called on the servers' threads. */
    public interface Events {

        void ready(String server, List<String> tools, Duration took);

        void failed(String server, String reason);
    }

    /** Where a server stands. */
    public enum State { STARTING, READY, FAILED, SKIPPED, DISABLED }

    /** A server, where it stands, and its tools (model names) once ready or why it failed or was skipped. */
    public record Status(McpServerConfig config, State state, List<String> tools, String detail) {
    }

    private final String clientVersion;
    private final Map<String, String> environment;
    private final Events events;
    private final Map<String, Status> statuses = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> starts = new ConcurrentHashMap<>();
    private final List<McpConnection> connections = new ArrayList<>();
    private final List<McpServerConfig> order = new ArrayList<>();
    private boolean closed;

    /** @param environment the variables a server's command is looked up with ({@code PATH}) */
    public McpServers(String clientVersion, Map<String, String> environment, Events events) {
        this.clientVersion = clientVersion;
        this.environment = Map.copyOf(environment);
        this.events = events;
    }

    /** Notes a server that will not start ({@code disabled}, or not approved), with why. */
    public synchronized void skip(McpServerConfig server, State state, String why) {
        order.add(server);
        statuses.put(server.name(), new Status(server, state, List.of(), why));
    }

    /** Starts {@code server} in the background; its tools join {@code registry} when it is ready. */
    public synchronized void start(McpServerConfig server, ToolRegistry registry) {
        order.add(server);
        statuses.put(server.name(), new Status(server, State.STARTING, List.of(), ""));
        CompletableFuture<Void> started = new CompletableFuture<>();
        starts.put(server.name(), started);
        Thread thread = new Thread(() -> {
            try {
                run(server, registry);
            } finally {
                started.complete(null);
            }
        }, "mcp-start-" + server.name());
        thread.setDaemon(true);
        thread.start();
    }

    private void run(McpServerConfig server, ToolRegistry registry) {
        long begun = System.nanoTime();
        McpConnection connection;
        try {
            connection = McpConnection.open(server, clientVersion, environment);
        } catch (McpServerException e) {
            fail(server, e.getMessage());
            return;
        } catch (RuntimeException | LinkageError e) {
            // A server's thread never ends unreported, whatever stopped it: the chat goes on without the server.
            fail(server, "could not start: " + McpServerException.reason(e));
            return;
        }
        if (!keep(connection)) {
            return;
        }
        try {
            List<String> names = new ArrayList<>();
            for (McpSchema.Tool tool : connection.listTools()) {
                Tool adapted = new McpTool(server.name(), tool, connection, reason -> events.failed(server.name(),
                        reason));
                try {
                    registry.add(List.of(adapted));
                    names.add(adapted.name());
                } catch (IllegalArgumentException e) {
                    events.failed(server.name(), "tool " + tool.name() + " is skipped: another tool is named "
                            + adapted.name());
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - begun);
            statuses.put(server.name(), new Status(server, State.READY, List.copyOf(names),
                    "started in " + took.toMillis() + " ms"));
            events.ready(server.name(), List.copyOf(names), took);
            // Its tools stay offered (a call answers that the server exited); /mcp and mcp status must not say ready.
            connection.exited().thenRun(() -> exited(server));
        } catch (McpServerException e) {
            fail(server, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            fail(server, "could not list its tools: " + McpServerException.reason(e));
        }
    }

    private synchronized boolean keep(McpConnection connection) {
        if (closed) {
            connection.close();
            return false;
        }
        connections.add(connection);
        return true;
    }

    private synchronized void exited(McpServerConfig server) {
        if (!closed) {
            statuses.put(server.name(), new Status(server, State.FAILED, List.of(), "exited"));
        }
    }

    private void fail(McpServerConfig server, String reason) {
        statuses.put(server.name(), new Status(server, State.FAILED, List.of(), reason));
        events.failed(server.name(), reason);
    }

    /** Waits for each started server at most its start timeout (with a little time for its process to answer). */
    public void awaitStarts() throws InterruptedException {
        for (Map.Entry<String, CompletableFuture<Void>> start : starts.entrySet()) {
            Duration limit = statuses.get(start.getKey()).config().startTimeout().plusSeconds(2);
            try {
                start.getValue().get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // Reported by the server's own thread, which bounds its wait by the same timeout.
            }
        }
    }

    /** Every server, in the order of the configuration. */
    public synchronized List<Status> statuses() {
        return order.stream().map(server -> statuses.get(server.name())).toList();
    }

    /**
     * Ends every session, then every process this run started that still runs (a server's own children included: a
     * launcher such as {@code npx} does not pass on the end of its session).
     */
    @Override
    public void close() {
        List<McpConnection> open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = List.copyOf(connections);
        }
        open.parallelStream().forEach(McpConnection::close);
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }
}
