package io.redux.mcp;

import io.redux.domain.json.JsonValue;
import io.redux.domain.tool.OutputLimit;
import io.redux.domain.tool.Tool;
import io.redux.domain.tool.ToolOutput;
import io.redux.domain.tool.ToolRegistry;
import io.redux.testkit.mcp.McpStubCall;
import io.redux.testkit.mcp.McpStubScript;
import io.redux.testkit.mcp.McpStubServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The adapter against the testkit's MCP stub over Streamable HTTP, in this JVM: the SDK as it runs in the CLI. */
class McpServersTest {

    private static final String SCRIPT = """
            {"serverName": "tickets", "tools": [
              {"name": "lookup", "description": "Finds a ticket.", "reply": "text", "text": "ticket 7 is open",
               "inputSchema": {"type": "object", "properties": {"id": {"type": "integer"}}}},
              {"name": "fail", "reply": "error", "text": "ticket not found"},
              {"name": "big", "reply": "bytes", "size": 1048576},
              {"name": "ticket", "reply": "structured", "content": {"id": 7, "state": "open"}},
              {"name": "screenshot", "reply": "image", "mimeType": "image/png"},
              {"name": "slow", "reply": "hang"}
            ]}""";

    private static final JsonValue.JsonObject NO_ARGUMENTS = JsonValue.emptyObject();

    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final McpServers servers = new McpServers("test", Map.of(), new McpServers.Events() {
        @Override
        public void ready(String server, List<String> tools, Duration took) {
        }

        @Override
        public void failed(String server, String reason) {
            failures.add(server + ": " + reason);
        }
    });
    private McpStubServer stub;

    @AfterEach
    void close() {
        servers.close();
        if (stub != null) {
            stub.close();
        }
    }

    private ToolRegistry started(String script, Optional<Duration> timeout) throws InterruptedException {
        stub = McpStubServer.http(McpStubScript.parse(script));
        ToolRegistry registry = ToolRegistry.none();
        servers.start(new McpServerConfig("tickets", McpServerConfig.Scope.GLOBAL, Path.of("/home/u/mcp.json"),
                new McpServerConfig.Http(stub.url().toString(), Map.of("Authorization", "Bearer fake-token")), timeout, false,
                Optional.empty()), registry);
        servers.awaitStarts();
        return registry;
    }

    @Test
    void aReadyServersToolsJoinTheRegistryWithTheirSchemaAndTrustNames() throws InterruptedException {
        ToolRegistry registry = started(SCRIPT, Optional.empty());

        assertThat(registry.names()).contains("tickets___lookup", "tickets___slow");
        Tool lookup = registry.find("tickets___lookup").orElseThrow();
        assertThat(lookup.spec().description()).isEqualTo("Finds a ticket.");
        assertThat(lookup.spec().inputSchema().toJson()).contains("\"id\"", "integer");
        assertThat(lookup.trustNames()).containsExactly("@tickets/lookup", "@tickets");
        assertThat(servers.statuses()).singleElement().satisfies(status ->
                assertThat(status.state()).isEqualTo(McpServers.State.READY));
        assertThat(stub.requestHeaders()).allSatisfy(headers ->
                assertThat(headers.get("Authorization")).isEqualTo("Bearer fake-token"));
    }

    @Test
    void resultsBecomeTextErrorsPlaceholdersAndCutOutput() throws InterruptedException {
        ToolRegistry registry = started(SCRIPT, Optional.empty());

        assertThat(registry.run("tickets___lookup", NO_ARGUMENTS)).isEqualTo(ToolOutput.success("ticket 7 is open"));
        assertThat(registry.run("tickets___fail", NO_ARGUMENTS)).isEqualTo(ToolOutput.error("ticket not found"));
        assertThat(registry.run("tickets___ticket", NO_ARGUMENTS).content()).contains("\"state\":\"open\"");
        assertThat(registry.run("tickets___screenshot", NO_ARGUMENTS).content()).matches("\\[image: image/png, \\d+ bytes]");
        ToolOutput big = registry.run("tickets___big", NO_ARGUMENTS);
        assertThat(big.error()).isFalse();
        assertThat(big.content()).hasSizeLessThan(OutputLimit.DEFAULT_BYTES + 100)
                .endsWith(OutputLimit.note(1048576 - OutputLimit.DEFAULT_BYTES, OutputLimit.DEFAULT_BYTES));
    }

    @Test
    void anInterruptedCallIsCancelledOnTheServer() throws Exception {
        ToolRegistry registry = started(SCRIPT, Optional.empty());
        CompletableFuture<Thread> caller = new CompletableFuture<>();
        CompletableFuture<ToolOutput> output = CompletableFuture.supplyAsync(() -> {
            caller.complete(Thread.currentThread());
            return registry.run("tickets___slow", NO_ARGUMENTS);
        });

        stub.awaitCalls(1);
        caller.get().interrupt();

        assertThat(output.get().error()).isTrue();
        assertThat(output.get().content()).contains("Cancelled");
        awaitCancelled();
    }

    @Test
    void aCallOverItsTimeoutIsCancelledAndTheServerNamed() throws Exception {
        ToolRegistry registry = started(SCRIPT, Optional.of(Duration.ofMillis(500)));

        ToolOutput output = registry.run("tickets___slow", NO_ARGUMENTS);

        assertThat(output.error()).isTrue();
        assertThat(output.content()).contains("MCP server tickets did not answer slow within 500 ms");
        assertThat(failures).singleElement().asString().startsWith("tickets: did not answer slow");
        awaitCancelled();
    }

    @Test
    void aServerThatNeverAnswersItsStartFailsWithinItsTimeout() throws InterruptedException {
        ToolRegistry registry = started("{\"start\": \"hang-in-initialize\"}", Optional.of(Duration.ofMillis(500)));

        assertThat(registry.names()).isEmpty();
        assertThat(failures).containsExactly("tickets: did not start within 500 ms");
        assertThat(servers.statuses().get(0).state()).isEqualTo(McpServers.State.FAILED);
    }

    /** A stdio server written in sh: answers initialize and tools/list (no tools), then exits once $1 exists. */
    private static final String SERVER_THAT_EXITS_ONCE_READY = """
            answer() { read -r line; id=$(printf '%s' "$line" | sed 's/.*"id":"\\([^"]*\\)".*/\\1/'); \
              printf '{"jsonrpc":"2.0","id":"%s","result":%s}\\n' "$id" "$1"; }
            answer '{"protocolVersion":"2025-06-18","capabilities":{"tools":{}},"serverInfo":{"name":"s","version":"1"}}'
            read -r initialized
            answer '{"tools":[]}'
            until [ -e "$1" ]; do sleep 0.05; done
            """;

    @Test
    void aStdioServerThatExitsOnceReadyIsShownAsFailed(@TempDir Path folder) throws Exception {
        Path exit = folder.resolve("exit");
        servers.start(new McpServerConfig("brief", McpServerConfig.Scope.GLOBAL, Path.of("/home/u/mcp.json"),
                new McpServerConfig.Stdio("/bin/sh", List.of("-c", SERVER_THAT_EXITS_ONCE_READY, "sh", exit.toString()),
                        Map.of()), Optional.empty(), false, Optional.empty()), ToolRegistry.none());
        servers.awaitStarts();
        assertThat(servers.statuses().get(0).state()).isEqualTo(McpServers.State.READY);

        Files.createFile(exit);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (servers.statuses().get(0).state() != McpServers.State.FAILED) {
            assertThat(System.nanoTime()).as("the exit seen: " + servers.statuses()).isLessThan(deadline);
            Thread.sleep(20);
        }
        assertThat(servers.statuses().get(0).detail()).isEqualTo("exited");
    }

    /** The notification comes in after the call gave up: wait for it, bounded. */
    private void awaitCancelled() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!stub.calls().stream().allMatch(McpStubCall::cancelled)) {
            assertThat(System.nanoTime()).as("the server heard of the cancellation").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

}
