package io.redux.mcp;

import io.redux.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class McpConfigEditsTest {

    private static final McpConfigEdits.NewServer GIT = new McpConfigEdits.NewServer("uvx", List.of("mcp-server-git"),
            Map.of("A", "1"), null, Map.of(), Optional.of(5000L));

    @Test
    void addingKeepsOtherServersAndUnknownFields() {
        byte[] current = bytes("{\"note\": 1, \"mcpServers\": {\"old\": {\"command\": \"x\", \"autoApprove\": []}}}");

        String written = text(McpConfigEdits.withServer(Optional.of(current), "mcp.json", "git", GIT, false));

        assertThat(written).contains("\"note\"", "\"old\"", "\"autoApprove\"", "\"git\"", "\"mcp-server-git\"",
                "\"timeout\" : 5000");
    }

    @Test
    void addingToNoFileMakesOneTheLoaderReads() {
        String written = text(McpConfigEdits.withServer(Optional.empty(), "mcp.json", "remote",
                new McpConfigEdits.NewServer(null, List.of(), Map.of(), "https://x/mcp", Map.of("K", "${V}"),
                        Optional.empty()), false));

        assertThat(written).contains("\"mcpServers\"", "\"url\" : \"https://x/mcp\"", "\"K\" : \"${V}\"");
    }

    @Test
    void anExistingServerIsReplacedOnlyWhenAsked() {
        byte[] current = McpConfigEdits.withServer(Optional.empty(), "mcp.json", "git", GIT, false);

        assertThatThrownBy(() -> McpConfigEdits.withServer(Optional.of(current), "mcp.json", "git", GIT, false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already");
        assertThat(McpConfigEdits.withServer(Optional.of(current), "mcp.json", "git", GIT, true)).isNotEmpty();
    }

    @Test
    void removingTakesOnlyThatServer() {
        byte[] current = bytes("{\"x\": true, \"mcpServers\": {\"a\": {\"command\": \"a\"}, \"b\": {\"url\": \"u\"}}}");

        String written = text(McpConfigEdits.withoutServer(current, "mcp.json", "a"));

        assertThat(written).contains("\"x\"", "\"b\"").doesNotContain("\"a\"");
        assertThatThrownBy(() -> McpConfigEdits.withoutServer(current, "mcp.json", "c"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no MCP server");
    }

    @Test
    void aMalformedFileIsNeverRewritten() {
        assertThatThrownBy(() -> McpConfigEdits.withoutServer(bytes("{\n\"mcpServers\": {,}}"), "mcp.json", "a"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 2, column");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
