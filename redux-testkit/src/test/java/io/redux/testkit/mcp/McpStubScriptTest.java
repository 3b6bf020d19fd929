package io.redux.testkit.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class McpStubScriptTest {

    @Test
    void anEmptyScriptIsANormalServerWithOneEchoTool() {
        McpStubScript script = McpStubScript.parse("{}");

        assertThat(script).isEqualTo(McpStubScript.defaultScript());
        assertThat(script.tool("echo").reply().kind()).isEqualTo(McpStubScript.ReplyKind.ECHO);
    }

    @Test
    void aToolNamesOnlyWhatDiffersFromTheDefaults() {
        McpStubScript script = McpStubScript.parse("{\"start\": \"hang-in-initialize\", \"tools\": [{\"name\": \"t\"}]}");

        assertThat(script.start()).isEqualTo(McpStubScript.Start.HANG_IN_INITIALIZE);
        assertThat(script.tools()).containsExactly(new McpStubScript.Tool("t", "", Map.of("type", "object"), null,
                new McpStubScript.Reply(McpStubScript.ReplyKind.ECHO, "", 0, null, McpStubScript.DEFAULT_IMAGE, "image/png")));
    }

    @Test
    void aMalformedScriptNamesWhatIsWrong() {
        assertThatThrownBy(() -> McpStubScript.parse("{\"tools\": [{\"name\": \"a\"}, {\"name\": \"a\"}]}"))
                .hasMessage("tool \"a\" is listed twice");
        assertThatThrownBy(() -> McpStubScript.parse("{\"tools\": [{\"reply\": \"text\"}]}"))
                .hasMessage("tool 1 needs a \"name\"");
        assertThatThrownBy(() -> McpStubScript.parse("{\"tools\": [{\"name\": \"big\", \"reply\": \"bytes\"}]}"))
                .hasMessage("tool \"big\": reply \"bytes\" needs a \"size\" of zero or more");
        assertThatThrownBy(() -> McpStubScript.parse("{\"tools\": [{\"name\": \"s\", \"reply\": \"structured\"}]}"))
                .hasMessage("tool \"s\": reply \"structured\" needs a \"content\" object");
        assertThatThrownBy(() -> McpStubScript.parse("{\"tools\": [{\"name\": \"t\", \"inputSchema\": true}]}"))
                .hasMessage("tool \"t\": \"inputSchema\" must be a JSON object");
        assertThatThrownBy(() -> McpStubScript.parse("{\"start\": \"late\"}"))
                .hasMessage("\"start\" is \"late\"; one of normal, exit, hang-in-initialize, garbage");
        assertThatThrownBy(() -> McpStubScript.parse("[1"))
                .hasMessageStartingWith("the MCP stub script is not JSON: ");
    }
}
