package io.redux.cli.process;

import io.redux.cli.process.CliProcess.Result;
import io.redux.testkit.ProcessState;
import io.redux.testkit.mcp.McpStubCall;
import io.redux.testkit.mcp.McpStubScript;
import io.redux.testkit.mcp.McpStubServer;
import io.redux.testkit.stub.BedrockRuntimeStub;
import io.redux.testkit.stub.StubReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * MCP servers in a chat, as a user runs it: the packaged CLI, the Bedrock stub asking for an MCP tool, and the
 * testkit's MCP stub as a child process (stdio) or on loopback (Streamable HTTP).
 */
class McpServersIT {

    private static final Path STUB_JAR = Path.of("..", "redux-testkit", "target", "redux-mcp-stub.jar")
            .toAbsolutePath().normalize();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path home;

    @TempDir
    Path work;

    @TempDir
    Path files;

    private BedrockRuntimeStub bedrock;

    @BeforeEach
    void startBedrock() {
        bedrock = new BedrockRuntimeStub();
    }

    @AfterEach
    void stopBedrock() {
        bedrock.close();
    }

    private CliProcess cli() {
        return CliProcess.launcher().home(home).in(work).chatAgainst(bedrock.endpoint()).env("AWS_REGION", "us-east-1");
    }

    /** A server entry running the MCP stub over stdio with {@code script}, writing its process id to {@code name.pid}. */
    private String stdioServer(String name, String script, String extraFields) throws IOException {
        Path scriptFile = Files.writeString(files.resolve(name + ".json"), script);
        return "\"" + name + "\": {\"command\": \"" + JAVA + "\", \"args\": [\"-jar\", \"" + STUB_JAR + "\", "
                + "\"--script\", \"" + scriptFile + "\", \"--pid-file\", \"" + pidFile(name) + "\", "
                + "\"--calls-log\", \"" + files.resolve(name + ".calls") + "\"]" + extraFields + "}";
    }

    private Path pidFile(String name) {
        return files.resolve(name + ".pid");
    }

    private long pid(String name) throws IOException {
        return Long.parseLong(Files.readString(pidFile(name)).strip());
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static final String TICKETS = """
            {"tools": [{"name": "lookup", "description": "Finds a ticket.", "reply": "text",
                        "text": "ticket 7 is open"},
                       {"name": "slow", "reply": "hang"}]}""";

    @Test
    void oneShotCallsAStdioServersToolAndEachBrokenServerIsOneLine() throws IOException {
        write(home.resolve(".aws/amazonq/mcp.json"), "{\"mcpServers\": {"
                + stdioServer("tickets", TICKETS, "") + ", "
                + stdioServer("fragile", "{\"tools\": [{\"name\": \"crash\", \"reply\": \"exit\"}]}", "") + ", "
                + stdioServer("quits", "{\"start\": \"exit\"}", "") + ", "
                + stdioServer("stuck", "{\"start\": \"hang-in-initialize\"}", ", \"timeout\": 3000") + ", "
                + "\"missing\": {\"command\": \"no-such-mcp-server-command\"}}}");
        bedrock.enqueue(StubReply.toolUse("tooluse_1", "tickets___lookup", "{\"id\":7}"),
                StubReply.toolUse("tooluse_2", "fragile___crash", "{}"),
                StubReply.text("Ticket 7 is open."));

        Result result = cli().run("chat", "--trust-tools=@tickets,@fragile/crash", "Is ticket 7 open?");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("Ticket 7 is open.");
        assertThat(bedrock.modelRequests().get(0).bodyText()).contains("tickets___lookup", "Finds a ticket.",
                "fragile___crash");
        assertThat(bedrock.modelRequests().get(1).bodyText()).contains("ticket 7 is open", "tooluse_1");
        assertThat(bedrock.modelRequests().get(2).bodyText()).contains("tooluse_2", "MCP server fragile");
        assertThat(result.stderrLines()).filteredOn(line -> line.contains("MCP server missing")).singleElement()
                .asString().contains("command not found: no-such-mcp-server-command");
        assertThat(result.stderrLines()).filteredOn(line -> line.contains("MCP server quits")).hasSize(1);
        assertThat(result.stderrLines()).filteredOn(line -> line.contains("MCP server stuck")).singleElement()
                .asString().contains("did not start within 3 s");
        assertThat(result.stderrLines()).filteredOn(line -> line.contains("MCP server fragile")).hasSize(1);
        assertThat(McpStubCall.readLog(files.resolve("tickets.calls"))).extracting(McpStubCall::name)
                .containsExactly("lookup");
        assertThat(ProcessState.running(pid("tickets"))).as("the tickets server outlived the CLI").isFalse();
        // A stub JVM slower to start than the timeout was stopped before it wrote its id; one that did must be gone.
        if (Files.exists(pidFile("stuck"))) {
            assertThat(ProcessState.running(pid("stuck"))).as("the stuck server outlived the CLI").isFalse();
        }
    }

    @Test
    void oneShotOverStreamableHttpSendsHeadersFromTheEnvironmentAndFlagsOrCutsResults() throws IOException {
        try (McpStubServer remote = McpStubServer.http(McpStubScript.parse("""
                {"tools": [{"name": "fail", "reply": "error", "text": "ticket not found"},
                           {"name": "big", "reply": "bytes", "size": 1048576}]}"""))) {
            Path config = write(files.resolve("remote.json"), "{\"mcpServers\": {\"remote\": {\"url\": \""
                    + remote.url() + "\", \"headers\": {\"Authorization\": \"Bearer ${TICKETS_TOKEN}\"}}}}");
            bedrock.enqueue(StubReply.toolUse("tooluse_1", "remote___fail", "{}"),
                    StubReply.toolUse("tooluse_2", "remote___big", "{}"),
                    StubReply.text("Done."));

            Result result = cli().env("TICKETS_TOKEN", "fake-token")
                    .run("chat", "--mcp-config", config.toString(), "--trust-tools=@remote/fail,@remote/big", "Go");

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(bedrock.modelRequests().get(1).bodyText()).contains("ticket not found", "error");
            String cut = bedrock.modelRequests().get(2).bodyText();
            assertThat(cut).contains("more bytes not shown: output limit of 100000 bytes");
            assertThat(cut.length()).isLessThan(300_000);
            assertThat(remote.requestHeaders()).isNotEmpty().allSatisfy(headers ->
                    assertThat(headers.get("Authorization")).isEqualTo("Bearer fake-token"));
            assertThat(result.stderr()).doesNotContain("fake-token");
        }
    }

    @Test
    void aWorkspaceServerStartsOnlyOnceItsFileIsApproved() throws IOException {
        Path workspaceFile = write(work.resolve(".amazonq/mcp.json"),
                "{\"mcpServers\": {" + stdioServer("tickets", TICKETS, "") + "}}");
        bedrock.enqueue(StubReply.text("No tools."), StubReply.text("With tools."));

        Result before = cli().run("chat", "Hello");
        Result approve = cli().run("mcp", "approve");
        Result after = cli().run("chat", "Hello");
        write(workspaceFile, Files.readString(workspaceFile) + "\n");
        Result changed = cli().run("mcp", "list");

        assertThat(before.exitCode()).isZero();
        assertThat(before.stderrLines()).filteredOn(line -> line.contains("mcp approve")).singleElement().asString()
                .contains(workspaceFile.toRealPath().toString());
        assertThat(bedrock.modelRequests().get(0).bodyText()).doesNotContain("tickets___lookup");
        assertThat(approve.exitCode()).isZero();
        assertThat(approve.stdout()).contains("tickets: " + JAVA + " -jar");
        assertThat(after.exitCode()).as(after.stderr()).isZero();
        assertThat(bedrock.modelRequests().get(1).bodyText()).contains("tickets___lookup");
        assertThat(changed.stdout()).contains("not approved");
    }

    @Test
    void ctrlCLeavesNoServerRunning() throws Exception {
        write(home.resolve(".aws/amazonq/mcp.json"), "{\"mcpServers\": {" + stdioServer("tickets", TICKETS, "") + "}}");
        bedrock.enqueue(StubReply.toolUse("tooluse_1", "tickets___slow", "{}"));
        CliProcess.Running chat = cli().start("chat", "--trust-all-tools", "Wait for it");
        Path calls = files.resolve("tickets.calls");
        awaitTrue(() -> Files.exists(calls) && !McpStubCall.readLog(calls).isEmpty(), "the slow call to arrive");

        chat.signal("INT");
        chat.finish();

        assertThat(ProcessState.running(pid("tickets"))).as("the server outlived the CLI").isFalse();
    }

    /**
     * Ctrl-C at a terminal signals the whole foreground process group, the CLI's; the chat handles it (cancelling the
     * turn, and the call on the server), so its stdio servers must be out of that group to outlive it, whatever they
     * do with SIGINT (Node resets an ignored one). The server here writes its own process group and the CLI's, from
     * /proc, before it starts serving.
     */
    @Test
    void aStdioServerRunsOutsideTheProcessGroupTheTerminalsCtrlCReaches() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "needs /proc");
        Path scriptFile = Files.writeString(files.resolve("tickets.json"), TICKETS);
        Path groups = files.resolve("groups");
        String recordGroups = "cut -d' ' -f5 /proc/$$/stat > " + groups + "; cut -d' ' -f5 /proc/$PPID/stat >> "
                + groups + "; exec \\\"$0\\\" \\\"$@\\\"";
        write(home.resolve(".aws/amazonq/mcp.json"), "{\"mcpServers\": {\"tickets\": {\"command\": \"/bin/sh\", "
                + "\"args\": [\"-c\", \"" + recordGroups + "\", \"" + JAVA + "\", \"-jar\", \""
                + STUB_JAR + "\", \"--script\", \"" + scriptFile + "\"]}}}");

        Result status = cli().run("mcp", "status");

        assertThat(status.exitCode()).as(status.stdout() + status.stderr()).isZero();
        assertThat(status.stdout()).contains("tickets___lookup");
        List<String> serverAndCli = Files.readAllLines(groups);
        assertThat(serverAndCli).hasSize(2);
        assertThat(serverAndCli.get(0)).as("the server's process group").isNotEqualTo(serverAndCli.get(1));
    }

    @Test
    void statusNamesEachServerItSkippedForItsConfiguration() throws IOException {
        write(home.resolve(".aws/amazonq/mcp.json"), "{\"mcpServers\": {"
                + "\"tickets\": {\"url\": \"http://127.0.0.1:9/mcp\", \"headers\": {\"A\": \"${NO_SUCH_TOKEN}\"}}}}");

        Result status = cli().run("mcp", "status");

        assertThat(status.stderrLines()).singleElement().asString()
                .contains("MCP server tickets", "${NO_SUCH_TOKEN}", "skipped");
    }

    @Test
    void aChatWithoutMcpConfigurationLoadsNothingOfMcp() throws IOException {
        Path classes = files.resolve("classes.log");
        bedrock.enqueue(StubReply.text("Hi."));

        Result result = cli().env("REDUX_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes).run("chat", "Hello");

        assertThat(result.exitCode()).isZero();
        List<String> loaded = Files.readAllLines(classes);
        assertThat(loaded).anyMatch(line -> line.contains("io.redux.cli.chat.ChatCommand"));
        assertThat(loaded).noneMatch(line -> line.contains("io.modelcontextprotocol") || line.contains("io.redux.mcp")
                || line.contains("reactor.core"));
    }

    @Test
    void addAndRemoveRewriteTheFileKeepingEverythingElse() throws IOException {
        Path global = write(home.resolve(".aws/amazonq/mcp.json"),
                "{\"mine\": 1, \"mcpServers\": {\"old\": {\"command\": \"old-server\", \"autoApprove\": []}}}");

        Result add = cli().run("mcp", "add", "git", "--command", "uvx", "--args", "mcp-server-git", "--env", "A=1");
        Result remove = cli().run("mcp", "remove", "old");
        Result list = cli().run("mcp", "list", "--json");
        Result bad = cli().run("mcp", "add", "nothing");

        assertThat(add.exitCode()).as(add.stderr()).isZero();
        assertThat(remove.exitCode()).as(remove.stderr()).isZero();
        assertThat(list.stdout()).contains("\"name\" : \"git\"", "uvx mcp-server-git").doesNotContain("old-server");
        assertThat(Files.readString(global)).contains("\"mine\"");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderrLines()).singleElement().asString().contains("--command or --url");
    }

    /** Waits, bounded, until {@code condition} holds: for what another process does. */
    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }
}
