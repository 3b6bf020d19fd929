package io.redux.cli.agent;

import io.redux.cli.CliEnvironment;
import io.redux.domain.agent.HookRunner;
import io.redux.domain.error.InvalidInputException;
import io.redux.mcp.AgentFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The agent commands over real agent files. */
class AgentCommandsTest {

    @TempDir
    Path home;

    @TempDir
    Path work;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private CliEnvironment environment;
    private AgentAccess agents;

    @BeforeEach
    void environment() {
        environment = new CliEnvironment(Map.of("NO_COLOR", "1"), home, work, new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out), new PrintWriter(err), false);
        agents = new FolderAgents(home, work, HookRunner.NONE);
    }

    @Test
    void validateSaysValidOrOneLinePerProblemAndExitsOne() throws IOException {
        write("good.json", "{\"tools\": [\"fs_read\"], \"model\": \"custom:us-east-1:anthropic:m:0\"}");
        write("bad.json", """
                {"tools": ["report_issue"], "allowedTools": ["*"], "model": "claude-sonnet-4",
                 "hooks": {"preToolUse": [{"command": "check"}]}}""");

        AgentValidateCommand good = validate("good");
        int goodExit = good.call();
        AgentValidateCommand bad = validate(".amazonq/cli-agents/bad.json");
        int badExit = bad.call();

        assertThat(goodExit).isZero();
        assertThat(out.toString()).contains("good.json: valid (agent good)");
        assertThat(badExit).isEqualTo(1);
        assertThat(err.toString().lines()).hasSize(4).allMatch(line -> line.contains("bad.json: "))
                .anyMatch(line -> line.contains("report_issue names no built-in tool"))
                .anyMatch(line -> line.contains("a bare * is not allowed"))
                .anyMatch(line -> line.contains("claude-sonnet-4 is not a Redux model id"))
                .anyMatch(line -> line.contains("preToolUse: Redux does not run these hooks yet"));
    }

    @Test
    void validateOfAFileThatIsNotJsonIsOneLine() throws IOException {
        write("broken.json", "{\n  \"tools\": [}");

        int exit = validate(".amazonq/cli-agents/broken.json").call();

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().lines()).singleElement().asString().contains("broken.json is not valid JSON at line 2");
    }

    @Test
    void showGivesTheMappedNamesAndListTheApproval() throws IOException {
        write("dev.json", """
                {"description": "Dev \\u001b[31mred", "tools": ["fs_*"], "allowedTools": ["execute_bash"],
                 "toolAliases": {"fs_write": "write"}}""");
        AgentShowCommand show = new AgentShowCommand();
        show.name = "dev";
        show.environment = environment;
        show.agents = () -> access();
        AgentListCommand list = new AgentListCommand();
        list.environment = environment;
        list.agents = () -> access();

        show.call();
        list.call();

        assertThat(out.toString()).contains("tools: file_read, file_write", "tool_aliases: file_write as write",
                "allowed_tools: execute_bash", "approved: no", "Dev ^[[31mred").doesNotContain("\u001b");
        assertThat(out.toString()).containsPattern("dev +workspace +no ");
    }

    @Test
    void listJsonSaysAGlobalAgentNeedsNoApprovalAsApproveDoes() throws IOException {
        Path global = home.resolve(".aws/amazonq/cli-agents/mine.json");
        Files.createDirectories(global.getParent());
        Files.writeString(global, "{\"hooks\": {\"agentSpawn\": [{\"command\": \"date\"}]}}");
        write("team.json", "{\"hooks\": {\"agentSpawn\": [{\"command\": \"date\"}]}}");
        AgentListCommand list = new AgentListCommand();
        list.environment = environment;
        list.agents = () -> access();
        list.json = true;

        list.call();

        assertThat(out.toString().replaceAll("\\s+", ""))
                .contains("\"name\":\"mine\",\"scope\":\"global\",\"file\":", "\"needs_approval\":false,\"approved\":true")
                .contains("\"needs_approval\":true,\"approved\":false");
    }

    @Test
    void anUnknownNameListsTheAgents() throws IOException {
        write("dev.json", "{}");

        assertThatThrownBy(() -> validate("nobody").call()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the agents are dev");
    }

    private AgentValidateCommand validate(String target) {
        AgentValidateCommand command = new AgentValidateCommand();
        command.target = target;
        command.environment = environment;
        command.agents = () -> access();
        return command;
    }

    private void write(String name, String text) throws IOException {
        Path folder = work.resolve(AgentFiles.WORKSPACE_DIR);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(name), text);
    }

    private AgentAccess access() {
        return agents;
    }
}
