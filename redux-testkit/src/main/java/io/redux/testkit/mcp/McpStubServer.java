package io.redux.testkit.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An MCP server on Streamable HTTP at {@code http://127.0.0.1:PORT/mcp}, in this JVM, playing a
 * {@link McpStubScript}, recording the tool calls and the request headers it receives. Close it after the test.
 *
 * <pre>{@code
 * try (McpStubServer server = McpStubServer.http(McpStubScript.parse(json))) {
 *     // configure the client under test with server.url(), use it, then:
 *     assertThat(server.calls()).extracting(McpStubCall::name).containsExactly("echo");
 * }
 * }</pre>
 */
public final class McpStubServer implements AutoCloseable {

    static final String ENDPOINT = "/mcp";

    private final URI url;
    private final McpStubWire wire;
    private final McpStubHttpRecorder recorder;
    private final McpStubTools tools;
    private final Server jetty;
    private final McpSyncServer server;

    private McpStubServer(URI url, McpStubWire wire, McpStubHttpRecorder recorder, McpStubTools tools, Server jetty,
                          McpSyncServer server) {
        this.url = url;
        this.wire = wire;
        this.recorder = recorder;
        this.tools = tools;
        this.jetty = jetty;
        this.server = server;
    }

    /** Starts {@code script} on a free loopback port. A script that exits at start leaves nothing listening there. */
    public static McpStubServer http(McpStubScript script) {
        return http(script, 0, null);
    }

    /**
     * @param port     the port, 0 for a free one
     * @param callsLog where to append a line per call, or null
     * @throws UncheckedIOException when the port cannot be bound
     */
    static McpStubServer http(McpStubScript script, int port, Path callsLog) {
        McpStubWire wire = new McpStubWire(script, callsLog);
        McpStubHttpRecorder recorder = new McpStubHttpRecorder(wire);
        McpStubTools tools = new McpStubTools(script, new JacksonMcpJsonMapper(new ObjectMapper()));
        if (script.start() == McpStubScript.Start.EXIT) {
            return new McpStubServer(endpoint(closedPort()), wire, recorder, tools, null, null);
        }
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
                .mcpEndpoint(ENDPOINT)
                .build();
        McpSyncServer server = tools.build(McpServer.sync(transport));
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder servlet = new ServletHolder(transport);
        servlet.setAsyncSupported(true);
        context.addServlet(servlet, ENDPOINT);
        FilterHolder filter = new FilterHolder(recorder);
        filter.setAsyncSupported(true);
        context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        jetty.setHandler(context);
        try {
            jetty.start();
        } catch (Exception e) {
            server.close();
            stop(jetty);
            throw new UncheckedIOException(new IOException("cannot start the MCP stub on 127.0.0.1:" + port + ": "
                    + e.getMessage(), e));
        }
        return new McpStubServer(endpoint(connector.getLocalPort()), wire, recorder, tools, jetty, server);
    }

    /** The Streamable HTTP endpoint a client configures, {@code http://127.0.0.1:PORT/mcp}. */
    public URI url() {
        return url;
    }

    /** The tool calls received so far, in order. */
    public List<McpStubCall> calls() {
        return wire.calls();
    }

    /**
     * Waits until at least {@code count} tool calls have arrived, e.g. the one a test then cancels, and answers
     * {@link #calls()}. A call is recorded before the SDK sees it.
     */
    public List<McpStubCall> awaitCalls(int count) throws InterruptedException {
        return wire.awaitCalls(count);
    }

    /**
     * The headers of every HTTP request received so far, in order, one map per request; names are matched without
     * regard to case ({@code get("authorization")} finds {@code Authorization}), repeated headers are joined by ", ".
     */
    public List<Map<String, String>> requestHeaders() {
        return recorder.requestHeaders();
    }

    /** Stops listening; calls still hanging return. */
    @Override
    public void close() {
        tools.releaseHangingCalls();
        if (jetty != null) {
            stop(jetty);
            server.close();
        }
    }

    private static void stop(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the MCP stub: " + e.getMessage(), e);
        }
    }

    private static URI endpoint(int port) {
        return URI.create("http://127.0.0.1:" + port + ENDPOINT);
    }

    /** A loopback port that was free a moment ago and that nothing listens on now. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
