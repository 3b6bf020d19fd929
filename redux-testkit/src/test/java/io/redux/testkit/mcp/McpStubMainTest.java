package io.redux.testkit.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stub as a child process speaking stdio, as an MCP client starts it. */
class McpStubMainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    @TempDir
    Path dir;

    @Test
    void servesTheScriptOverStdioAndLogsTheCalls() throws IOException {
        Path script = write("{\"serverName\": \"tickets\", \"tools\": [{\"name\": \"greet\", \"reply\": \"text\", \"text\": \"hello\"}]}");
        Path log = dir.resolve("calls.jsonl");
        Path pid = dir.resolve("stub.pid");

        try (McpSyncClient client = client("--script", script.toString(), "--calls-log", log.toString(),
                "--pid-file", pid.toString())) {
            assertThat(client.initialize().serverInfo().name()).isEqualTo("tickets");
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).containsExactly("greet");
            assertThat(McpStubServerTest.text(client.callTool(new CallToolRequest("greet", Map.of("who", "Ada")))))
                    .isEqualTo("hello");
        }

        assertThat(McpStubCall.readLog(log)).extracting(McpStubCall::name, McpStubCall::arguments, McpStubCall::cancelled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("greet", "{\"who\":\"Ada\"}", false));
        assertThat(Files.readString(pid).trim()).matches("[0-9]+");
    }

    @Test
    void withoutAScriptOffersOneEchoTool() {
        try (McpSyncClient client = client()) {
            client.initialize();

            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).containsExactly("echo");
            assertThat(McpStubServerTest.text(client.callTool(new CallToolRequest("echo", Map.of("text", "hi")))))
                    .isEqualTo("{\"text\":\"hi\"}");
        }
    }

    @Test
    void writesOnlyTheProtocolToStdoutAndEndsWhenStdinCloses() throws Exception {
        Process stub = start();
        send(stub, INITIALIZE, INITIALIZED, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        BufferedReader out = stdout(stub);

        JsonNode initialized = JSON.readTree(out.readLine());
        JsonNode listed = JSON.readTree(out.readLine());
        stub.getOutputStream().close();

        assertThat(initialized.path("id").asInt()).isZero();
        assertThat(listed.path("result").path("tools").get(0).path("name").asText()).isEqualTo("echo");
        assertThat(stub.waitFor()).isZero();
        assertThat(out.readLine()).isNull();
        assertThat(stub.getErrorStream().readAllBytes()).isEmpty();
    }

    @Test
    void recordsTheCancellationOfAHangingCall() throws Exception {
        Path script = write("{\"tools\": [{\"name\": \"wait\", \"reply\": \"hang\"}]}");
        Path log = dir.resolve("calls.jsonl");
        Process stub = start("--script", script.toString(), "--calls-log", log.toString());

        send(stub, INITIALIZE, INITIALIZED,
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"wait\",\"arguments\":{}}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":5}}");
        stub.getOutputStream().close();

        assertThat(stub.waitFor()).isZero();
        assertThat(McpStubCall.readLog(log)).containsExactly(new McpStubCall("5", "wait", "{}", true));
    }

    @Test
    void aToolScriptedToExitEndsTheProcessMidCall() throws Exception {
        Path script = write("{\"tools\": [{\"name\": \"crash\", \"reply\": \"exit\"}]}");
        Path log = dir.resolve("calls.jsonl");
        Process stub = start("--script", script.toString(), "--calls-log", log.toString());

        send(stub, INITIALIZE, INITIALIZED,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"crash\",\"arguments\":{\"x\":1}}}");

        assertThat(stub.waitFor()).isEqualTo(McpStubMain.EXIT_MID_CALL);
        assertThat(McpStubCall.readLog(log)).containsExactly(new McpStubCall("1", "crash", "{\"x\":1}", false));
    }

    @Test
    void aServerScriptedToExitAtStartSaysSoOnStderr() throws Exception {
        Path script = write("{\"start\": \"exit\", \"exitCode\": 4}");
        Process stub = start("--script", script.toString());

        assertThat(stub.waitFor()).isEqualTo(4);
        assertThat(new String(stub.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("redux-mcp-stub: exiting at start, as the script asks" + System.lineSeparator());
        assertThat(stub.getInputStream().readAllBytes()).isEmpty();
    }

    @Test
    void aServerScriptedToHangInInitializeLetsTheClientTimeOut() throws IOException {
        Path script = write("{\"start\": \"hang-in-initialize\"}");
        try (McpSyncClient client = McpClient.sync(transport("--script", script.toString()))
                .jsonSchemaValidator(McpStubTools.ACCEPT_ALL).initializationTimeout(Duration.ofMillis(500)).build()) {
            assertThatThrownBy(client::initialize).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void aServerScriptedToWriteGarbageDoesSoBeforeAnythingElse() throws Exception {
        Path script = write("{\"start\": \"garbage\"}");
        Process stub = start("--script", script.toString());
        send(stub, INITIALIZE);
        BufferedReader out = stdout(stub);

        assertThat(out.readLine()).isEqualTo(McpStubWire.GARBAGE);
        assertThat(JSON.readTree(out.readLine()).path("id").asInt()).isZero();
        stub.getOutputStream().close();
        assertThat(stub.waitFor()).isZero();
    }

    @Test
    void aBadCommandLineIsOneLineAndExitCodeTwo() throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = McpStubMain.run(new String[] {"--bogus"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("redux-mcp-stub: unknown option --bogus; usage: ")
                .hasLineCount(1);
    }

    @Test
    void aBadScriptIsOneLineNamingTheProblem() throws Exception {
        Path script = write("{\"tools\": [{\"name\": \"t\", \"reply\": \"sing\"}]}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = McpStubMain.run(new String[] {"--script", script.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("redux-mcp-stub: tool \"t\": \"reply\" is \"sing\"; one of "
                + "text, echo, error, bytes, structured, image, hang, exit" + System.lineSeparator());
    }

    /** The stub's command: this JVM's java on the test classpath (the packaged jar does not exist before package). */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), McpStubMain.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private McpSyncClient client(String... args) {
        return McpClient.sync(transport(args)).jsonSchemaValidator(McpStubTools.ACCEPT_ALL).build();
    }

    private static StdioClientTransport transport(String... args) {
        List<String> command = command(args);
        return new StdioClientTransport(ServerParameters.builder(command.get(0)).args(command.subList(1, command.size())).build(),
                new JacksonMcpJsonMapper(new ObjectMapper()));
    }

    private Process start(String... args) throws IOException {
        return new ProcessBuilder(command(args)).start();
    }

    private static void send(Process stub, String... messages) throws IOException {
        Writer in = new java.io.OutputStreamWriter(stub.getOutputStream(), StandardCharsets.UTF_8);
        for (String message : messages) {
            in.write(message + "\n");
        }
        in.flush();
    }

    private static BufferedReader stdout(Process stub) {
        return new BufferedReader(new InputStreamReader(stub.getInputStream(), StandardCharsets.UTF_8));
    }

    private Path write(String script) throws IOException {
        return Files.writeString(dir.resolve("script.json"), script);
    }
}
