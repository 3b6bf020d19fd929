package io.redux.cli.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redux.cli.process.CliProcess.Result;
import io.redux.testkit.stub.BedrockRuntimeStub;
import io.redux.testkit.stub.StubReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Agent files of the original CLI's format, applied to a chat as the request that reached the Bedrock stub shows. */
class AgentsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MCP_STUB_JAR = Path.of("..", "redux-testkit", "target", "redux-mcp-stub.jar")
            .toAbsolutePath().normalize();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path home;

    @TempDir
    Path work;

    private BedrockRuntimeStub bedrock;

    @BeforeEach
    void startStub() {
        bedrock = new BedrockRuntimeStub();
    }

    @AfterEach
    void stopStub() {
        bedrock.close();
    }

    @Test
    void aGlobalAgentGivesItsPromptModelResourcesToolsAliasesTrustAndHooks() throws IOException {
        Path agents = home.resolve(".aws/amazonq/cli-agents");
        write(agents.resolve("reviewer.md"), "Review strictly, cite line numbers.");
        // Without useLegacyMcpJson, the agent starts its own servers, not those of the mcp.json files.
        write(home.resolve(".aws/amazonq/mcp.json"), "{\"mcpServers\": {\"legacy\": {\"command\": \"no-such-server\"}}}");
        Path script = write(home.resolve("notes.json"), """
                {"tools": [{"name": "find", "description": "Finds a note.", "reply": "text", "text": "a note"},
                           {"name": "hidden", "description": "Not offered.", "reply": "text", "text": "x"}]}""");
        write(agents.resolve("reviewer.json"), """
                {"name": "reviewer", "description": "Strict reviews", "prompt": "file://reviewer.md",
                 "model": "custom:us-west-2:anthropic:claude-agent-test:0",
                 "mcpServers": {"notes": {"command": "%s", "args": ["-jar", "%s", "--script", "%s"]}},
                 "tools": ["fs_read", "fs_write", "@notes/find"], "toolAliases": {"fs_read": "read_file"},
                 "allowedTools": ["fs_*"], "resources": ["file://docs/*.md"],
                 "hooks": {
                   "agentSpawn": [{"command": "echo spawned from $(pwd)"},
                                  {"command": "echo broken >&2; exit 4"},
                                  {"command": "sleep 20", "timeout_ms": 300}],
                   "userPromptSubmit": [{"command": "cat"}],
                   "stop": [{"command": "true"}]},
                 "someFutureField": {"x": 1}}
                """.formatted(JAVA, MCP_STUB_JAR, script));
        write(work.resolve("README.md"), "the readme, not a resource");
        write(work.resolve("docs/guide.md"), "the guide, a resource");
        bedrock.enqueue(StubReply.toolUse("tooluse_1", "file_write",
                        "{\"command\": \"create\", \"path\": \"notes.txt\", \"content\": \"reviewed\"}"),
                StubReply.text("Done."));

        Result result = cli().run("chat", "--agent", "reviewer", "Write the notes");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("Done.");
        assertThat(bedrock.modelRequests().get(0).path()).contains("claude-agent-test");
        JsonNode request = JSON.readTree(bedrock.modelRequests().get(0).bodyText());
        String system = request.at("/system/0/text").asText();
        assertThat(system).contains("Review strictly, cite line numbers.", "--- context file: docs/guide.md ---",
                        "the guide, a resource", "spawned from " + work.toRealPath(),
                        "\"hook_event_name\":\"userPromptSubmit\"", "\"prompt\":\"Write the notes\"")
                .doesNotContain("the readme");
        assertThat(toolNames(request)).containsExactly("read_file", "file_write", "notes___find");
        assertThat(result.stderr()).doesNotContain("legacy");
        assertThat(Files.readString(work.resolve("notes.txt"))).isEqualTo("reviewed");
        assertThat(result.stderrLines()).filteredOn(line -> line.contains("echo broken")).singleElement()
                .asString().contains("exited with 4: broken");
        assertThat(result.stderrLines()).filteredOn(line -> line.contains("sleep 20")).singleElement()
                .asString().contains("timed out after 300 ms");
        assertThat(result.stderrLines()).filteredOn(line -> line.contains("stop hooks are not run")).hasSize(1);
        assertThat(onlyConversation().at("/metadata/agent").asText()).isEqualTo("reviewer");
    }

    @Test
    void anUnapprovedWorkspaceAgentRunsNoHookAndTrustsNothingUntilApproved() throws IOException {
        Path script = write(home.resolve("tickets.json"), """
                {"tools": [{"name": "lookup", "description": "Finds a ticket.", "reply": "text", "text": "open"}]}""");
        write(home.resolve(".aws/amazonq/mcp.json"), "{\"mcpServers\": {\"tickets\": {\"command\": \"" + JAVA
                + "\", \"args\": [\"-jar\", \"" + MCP_STUB_JAR + "\", \"--script\", \"" + script + "\"]}}}");
        write(work.resolve(".amazonq/cli-agents/team.json"), """
                {"description": "The team's agent", "tools": ["*"], "allowedTools": ["execute_bash"],
                 "useLegacyMcpJson": true,
                 "hooks": {"agentSpawn": [{"command": "touch spawned.txt; echo team hook ran"}]}}
                """);
        write(work.resolve(".amazonq/cli-agents/broken.json"), "{\"name\": \"broken\",\n \"tools\": [}");
        bedrock.enqueue(StubReply.toolUse("tooluse_1", "execute_bash", "{\"command\": \"touch bash-ran.txt\"}"),
                StubReply.text("Not allowed."), StubReply.text("Hooked."));

        Result unknown = cli().run("chat", "--agent", "nobody", "hi");
        Result unapproved = cli().run("chat", "--agent", "team", "Run it");
        boolean hookRanUnapproved = Files.exists(work.resolve("spawned.txt"));
        Result approve = cli().run("agent", "approve", "team");
        Result approved = cli().run("chat", "--agent", "team", "Again");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderrLines()).filteredOn(line -> line.contains("nobody")).singleElement().asString()
                .contains("the agents are team");
        assertThat(unapproved.exitCode()).as(unapproved.stderr()).isZero();
        assertThat(unapproved.stderrLines()).filteredOn(line -> line.contains("skipped the hooks of agent team"))
                .singleElement().asString().contains("redux_cli agent approve team");
        assertThat(unapproved.stderrLines()).filteredOn(line -> line.contains("broken.json")).singleElement()
                .asString().contains("line 2");
        assertThat(hookRanUnapproved).as("the unapproved agent's hook ran").isFalse();
        assertThat(work.resolve("bash-ran.txt")).doesNotExist();
        assertThat(bedrock.modelRequests().get(0).bodyText()).contains("tickets___lookup", "execute_bash");
        assertThat(approve.exitCode()).as(approve.stderr()).isZero();
        assertThat(approve.stdout()).contains("hook agentSpawn: touch spawned.txt");
        assertThat(approved.exitCode()).as(approved.stderr()).isZero();
        assertThat(work.resolve("spawned.txt")).exists();
        assertThat(bedrock.modelRequests().get(2).bodyText()).contains("team hook ran");
    }

    private static List<String> toolNames(JsonNode request) {
        List<String> names = new ArrayList<>();
        request.at("/toolConfig/tools").forEach(tool -> names.add(tool.at("/toolSpec/name").asText()));
        return names;
    }

    private JsonNode onlyConversation() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve(".amazon-q/conversations"))) {
            List<Path> json = files.filter(f -> f.toString().endsWith(".json")).toList();
            assertThat(json).hasSize(1);
            return JSON.readTree(json.get(0).toFile());
        }
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private CliProcess cli() {
        return CliProcess.launcher().home(home).in(work).chatAgainst(bedrock.endpoint()).env("AWS_REGION", "us-east-1");
    }
}
