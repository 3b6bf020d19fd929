package io.redux.testkit.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.redux.testkit.stub.StubServerMain;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the MCP stub server: {@code java -jar redux-mcp-stub.jar [--script FILE] [--http [--port N]]
 * [--calls-log FILE] [--pid-file FILE]}.
 *
 * <p>Over stdio (the default) stdout carries the protocol only; the server ends when the client closes its stdin.
 * With {@code --http} the first line printed is {@code listening on http://127.0.0.1:PORT/mcp} and the server runs
 * until killed. A problem is one line on stderr: exit code 2 for a bad command line, 1 when the server cannot start
 * (or the script says to exit at start, with its exit code), 3 when a tool scripted to exit is called.
 */
public final class McpStubMain {

    static final int EXIT_MID_CALL = 3;

    private static final String USAGE = "usage: java -jar redux-mcp-stub.jar [--script FILE] [--http [--port N]]"
            + " [--calls-log FILE] [--pid-file FILE]";

    private McpStubMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Only the protocol may reach stdout: whatever else prints goes to stderr.
        PrintStream stdout = System.out;
        System.setOut(System.err);
        System.exit(run(args, stdout, System.err));
    }

    /** Serves what the command line asks until the end; the exit code. */
    static int run(String[] args, PrintStream stdout, PrintStream err) throws InterruptedException {
        McpStubScript script = McpStubScript.defaultScript();
        boolean http = false;
        int port = 0;
        Path callsLog = null;
        Path pidFile = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--script" -> script = McpStubScript.read(Path.of(value(args, ++i)));
                    case "--http" -> http = true;
                    case "--port" -> port = StubServerMain.port(value(args, ++i));
                    case "--calls-log" -> callsLog = Path.of(value(args, ++i));
                    case "--pid-file" -> pidFile = Path.of(value(args, ++i));
                    case "--help", "-h" -> {
                        err.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
                }
            }
            if (pidFile != null) {
                writePid(pidFile);
            }
        } catch (IllegalArgumentException e) {
            err.println("redux-mcp-stub: " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            err.println("redux-mcp-stub: " + e.getMessage());
            return 1;
        }
        if (script.start() == McpStubScript.Start.EXIT) {
            err.println("redux-mcp-stub: exiting at start, as the script asks");
            return script.exitCode();
        }
        return http ? serveHttp(script, port, callsLog, stdout, err) : serveStdio(script, callsLog);
    }

    private static int serveHttp(McpStubScript script, int port, Path callsLog, PrintStream stdout, PrintStream err)
            throws InterruptedException {
        McpStubServer server;
        try {
            server = McpStubServer.http(script, port, callsLog);
        } catch (UncheckedIOException e) {
            err.println("redux-mcp-stub: " + e.getMessage() + "; pick another with --port N, or --port 0 for a free one");
            return 1;
        }
        stdout.println("listening on " + server.url());
        stdout.flush();
        new CountDownLatch(1).await();
        return 0;
    }

    private static int serveStdio(McpStubScript script, Path callsLog) throws InterruptedException {
        OutputStream protocol = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
        if (script.start() == McpStubScript.Start.GARBAGE) {
            try {
                protocol.write((McpStubWire.GARBAGE + "\n").getBytes(StandardCharsets.UTF_8));
                protocol.flush();
            } catch (IOException e) {
                return 1;
            }
        }
        McpStubWire wire = new McpStubWire(script, callsLog);
        McpStubStdin stdin = new McpStubStdin(new BufferedInputStream(new FileInputStream(FileDescriptor.in)), wire,
                () -> Runtime.getRuntime().halt(EXIT_MID_CALL));
        JacksonMcpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
        new McpStubTools(script, json).build(McpServer.sync(new StdioServerTransportProvider(json, stdin, protocol)));
        stdin.awaitEnd();
        return 0;
    }

    private static void writePid(Path file) {
        try {
            Files.writeString(file, ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pid file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value; " + USAGE);
        }
        return args[index];
    }
}
