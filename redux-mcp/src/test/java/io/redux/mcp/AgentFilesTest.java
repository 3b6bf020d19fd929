package io.redux.mcp;

import io.redux.domain.agent.Agent;
import io.redux.domain.agent.AgentCatalog;
import io.redux.domain.agent.HookTrigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AgentFilesTest {

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void aFileInTheOriginalFormatIsReadWithReduxToolNames() throws IOException {
        Files.writeString(write(work, "reviewer.json", """
                {"description": "Reviews", "prompt": "file://prompt.md", "mcpServers": {"git": {"command": "git-mcp"}},
                 "tools": ["fs_read", "fs_write", "@git"], "toolAliases": {"fs_read": "read_it"},
                 "allowedTools": ["fs_*", "@git/status"], "resources": ["file://docs/**/*.md"],
                 "toolsSettings": {"use_aws": {"allowedServices": ["s3"], "deniedServices": ["iam"]},
                                   "fs_write": {"allowedPaths": ["x"]}},
                 "hooks": {"agentSpawn": [{"command": "git status", "timeout_ms": 5000}],
                           "userPromptSubmit": [{"command": "date"}],
                           "preToolUse": [{"command": "check", "matcher": "fs_write"}]},
                 "useLegacyMcpJson": true, "model": "custom:us-east-1:anthropic:m:0", "futureField": 1}
                """).getParent().resolve("prompt.md"), "Be strict.");

        Agent agent = AgentFiles.load(home, work).find("reviewer").orElseThrow();

        assertThat(agent.description()).isEqualTo("Reviews");
        assertThat(agent.prompt()).isEqualTo("Be strict.");
        assertThat(agent.scope()).isEqualTo(Agent.Scope.WORKSPACE);
        assertThat(agent.workspaceFile()).isPresent();
        assertThat(agent.mcpServers()).containsExactly("git");
        assertThat(agent.tools()).containsExactly("file_read", "file_write", "@git");
        assertThat(agent.toolAliases()).containsEntry("file_read", "read_it");
        assertThat(agent.allowedTools()).containsExactly("file_read", "file_write", "@git/status");
        assertThat(agent.resources()).containsExactly("docs/**/*.md");
        assertThat(agent.useAwsAllowed()).containsExactly("s3");
        assertThat(agent.useAwsDenied()).containsExactly("iam");
        assertThat(agent.hooks(HookTrigger.AGENT_SPAWN)).singleElement()
                .satisfies(hook -> assertThat(hook.timeout()).isEqualTo(Duration.ofMillis(5000)));
        assertThat(agent.hooks(HookTrigger.USER_PROMPT_SUBMIT)).singleElement()
                .satisfies(hook -> assertThat(hook.timeout()).isEqualTo(Duration.ofSeconds(30)));
        assertThat(agent.hooks(HookTrigger.PRE_TOOL_USE)).singleElement()
                .satisfies(hook -> assertThat(hook.matcher()).isEqualTo("file_write"));
        assertThat(agent.useLegacyMcpJson()).isTrue();
        assertThat(agent.model()).isEqualTo("custom:us-east-1:anthropic:m:0");
        assertThat(agent.warnings()).isEmpty();
    }

    @Test
    void aMalformedFileIsOneWarningAndTheOthersStillLoad() throws IOException {
        write(work, "broken.json", "{\"name\": \"broken\",\n  \"tools\": [}");
        write(work, "good.json", "{}");

        AgentCatalog catalog = AgentFiles.load(home, work);

        assertThat(catalog.names()).containsExactly("good");
        assertThat(catalog.warnings()).singleElement().asString()
                .contains("broken.json").contains("line 2, column");
    }

    @Test
    void whatReduxCannotUseIsAWarningEachAndIgnored() throws IOException {
        write(work, "odd.json", """
                {"tools": ["report_issue", "fs_read"], "allowedTools": ["*"], "toolAliases": {"fs_read": "bad name!"},
                 "resources": ["https://example.com"], "hooks": {"onLunch": [], "stop": [{"command": "true"}]}}
                """);

        Agent agent = AgentFiles.load(home, work).find("odd").orElseThrow();

        assertThat(agent.tools()).containsExactly("file_read");
        assertThat(agent.allowedTools()).isEmpty();
        assertThat(agent.toolAliases()).isEmpty();
        assertThat(agent.resources()).isEmpty();
        assertThat(agent.hooks(HookTrigger.STOP)).hasSize(1);
        assertThat(agent.warnings()).hasSize(5);
    }

    @Test
    void theWorkspaceAgentWinsANameClash() throws IOException {
        write(home.resolve(".aws/amazonq"), "dev.json", "{\"description\": \"global\"}");
        write(work, "dev.json", "{\"description\": \"workspace\"}");
        write(home.resolve(".aws/amazonq"), "ops.json", "{}");

        AgentCatalog catalog = AgentFiles.load(home, work);

        assertThat(catalog.find("dev").orElseThrow().description()).isEqualTo("workspace");
        assertThat(catalog.find("ops").orElseThrow().scope()).isEqualTo(Agent.Scope.GLOBAL);
        assertThat(catalog.warnings()).singleElement().asString().contains("workspace one is used");
    }

    private static Path write(Path base, String name, String content) throws IOException {
        Path folder = base.resolve(base.toString().endsWith("amazonq") ? Path.of("cli-agents") : AgentFiles.WORKSPACE_DIR);
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(name), content);
    }
}
