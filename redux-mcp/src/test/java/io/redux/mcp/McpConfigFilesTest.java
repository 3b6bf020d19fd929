package io.redux.mcp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class McpConfigFilesTest {

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void readsTheOriginalCliFormatIgnoringUnknownFields() throws IOException {
        write(home.resolve(McpConfigFiles.GLOBAL), """
                {"mcpServers": {
                  "git": {"command": "uvx", "args": ["mcp-server-git"], "env": {"A": "1"}, "timeout": 5000,
                          "autoApprove": ["x"]},
                  "tickets": {"url": "https://mcp.example.com/mcp", "headers": {"X-Team": "core"},
                              "disabled": true}
                }, "somethingElse": 1}""");

        McpConfiguration config = load(Optional.empty(), Map.of());

        assertThat(config.warnings()).isEmpty();
        assertThat(config.servers()).hasSize(2);
        McpServerConfig git = config.servers().get(0);
        assertThat(git.transport()).isEqualTo(new McpServerConfig.Stdio("uvx", List.of("mcp-server-git"),
                Map.of("A", "1")));
        assertThat(git.callTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(git.scope()).isEqualTo(McpServerConfig.Scope.GLOBAL);
        assertThat(git.workspaceFile()).isEmpty();
        McpServerConfig tickets = config.servers().get(1);
        assertThat(tickets.transport()).isEqualTo(new McpServerConfig.Http("https://mcp.example.com/mcp",
                Map.of("X-Team", "core")));
        assertThat(tickets.disabled()).isTrue();
        assertThat(tickets.callTimeout()).isEqualTo(McpServerConfig.DEFAULT_CALL_TIMEOUT);
        assertThat(tickets.startTimeout()).isEqualTo(McpServerConfig.DEFAULT_START_TIMEOUT);
    }

    @Test
    void theWorkspaceWinsANameClashAndTheCommandLineFileWinsOverBoth() throws IOException {
        write(home.resolve(McpConfigFiles.GLOBAL), "{\"mcpServers\": {\"a\": {\"command\": \"global\"}, "
                + "\"b\": {\"command\": \"global\"}}}");
        write(work.resolve(McpConfigFiles.WORKSPACE), "{\"mcpServers\": {\"a\": {\"command\": \"workspace\"}, "
                + "\"b\": {\"command\": \"workspace\"}}}");
        Path extra = work.resolve("extra.json");
        write(extra, "{\"mcpServers\": {\"b\": {\"command\": \"extra\"}}}");

        McpConfiguration config = load(Optional.of(extra), Map.of());

        assertThat(config.servers()).extracting(server -> server.transport().describe())
                .containsExactly("workspace", "extra");
        McpServerConfig a = config.servers().get(0);
        assertThat(a.scope()).isEqualTo(McpServerConfig.Scope.WORKSPACE);
        assertThat(a.workspaceFile()).hasValueSatisfying(file ->
                assertThat(file.realPath()).isEqualTo(real(work.resolve(McpConfigFiles.WORKSPACE))));
    }

    @Test
    void variablesInEnvAndHeadersComeFromTheEnvironment() throws IOException {
        write(home.resolve(McpConfigFiles.GLOBAL), """
                {"mcpServers": {"t": {"url": "http://localhost/mcp",
                  "headers": {"Authorization": "Bearer ${TOKEN}"}}}}""");

        McpConfiguration config = load(Optional.empty(), Map.of("TOKEN", "s3cret"));

        assertThat(((McpServerConfig.Http) config.servers().get(0).transport()).headers())
                .containsEntry("Authorization", "Bearer s3cret");
    }

    @Test
    void aMissingVariableSkipsItsServerWithAWarningNamingBoth() throws IOException {
        write(home.resolve(McpConfigFiles.GLOBAL), """
                {"mcpServers": {"t": {"command": "x", "env": {"KEY": "${NOT_SET}"}}, "u": {"command": "y"}}}""");

        McpConfiguration config = load(Optional.empty(), Map.of());

        assertThat(config.servers()).extracting(McpServerConfig::name).containsExactly("u");
        assertThat(config.warnings()).singleElement().asString()
                .contains("MCP server t", "${NOT_SET}", "mcpServers.t.env.KEY", "skipped");
    }

    @Test
    void aMalformedFileIsOneWarningWithItsLineAndColumnAndTheOtherFilesStillCount() throws IOException {
        Path global = home.resolve(McpConfigFiles.GLOBAL);
        write(global, "{\"mcpServers\": {\n  \"a\": {\"command\": \"x\",}\n}}");
        write(work.resolve(McpConfigFiles.WORKSPACE), "{\"mcpServers\": {\"b\": {\"command\": \"y\"}}}");

        McpConfiguration config = load(Optional.empty(), Map.of());

        assertThat(config.servers()).extracting(McpServerConfig::name).containsExactly("b");
        assertThat(config.warnings()).singleElement().asString()
                .contains(global.toString(), "line 2, column").doesNotContain("\n");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedByItsPath() throws IOException {
        write(home.resolve(McpConfigFiles.GLOBAL), "{\"mcpServers\": {\"a\": {\"command\": \"x\", \"args\": \"-v\"}}}");

        McpConfiguration config = load(Optional.empty(), Map.of());

        assertThat(config.servers()).isEmpty();
        assertThat(config.warnings()).singleElement().asString().contains("mcpServers.a.args");
    }

    @Test
    void aServerWithNeitherCommandNorUrlIsSkipped() throws IOException {
        write(home.resolve(McpConfigFiles.GLOBAL), "{\"mcpServers\": {\"a\": {\"args\": []}}}");

        assertThat(load(Optional.empty(), Map.of()).warnings()).singleElement().asString()
                .contains("a", "\"command\" or a \"url\"");
    }

    @Test
    void noFileIsNoServerAndNoWarning() {
        List<McpConfigFiles.Source> sources = McpConfigFiles.sources(home, work, Optional.empty());

        assertThat(McpConfigFiles.anyExists(sources)).isFalse();
        assertThat(McpConfigFiles.load(sources, Map.of())).isEqualTo(new McpConfiguration(List.of(), List.of()));
    }

    private McpConfiguration load(Optional<Path> extra, Map<String, String> environment) {
        return McpConfigFiles.load(McpConfigFiles.sources(home, work, extra), environment);
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
