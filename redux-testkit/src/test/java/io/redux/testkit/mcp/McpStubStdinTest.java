package io.redux.testkit.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the stdio server's SDK transport gets to read of what the client wrote. */
class McpStubStdinTest {

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{}}\n";
    private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}\n";
    private static final String CRASH = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"crash\"}}\n";

    private final AtomicInteger drops = new AtomicInteger();

    @Test
    void handsOnEveryMessageOfANormalServer() throws IOException {
        assertThat(read(McpStubScript.defaultScript(), INITIALIZE + LIST)).isEqualTo(INITIALIZE + LIST);
    }

    @Test
    void neverHandsOnTheInitializeOfAServerScriptedToHangThere() throws IOException {
        McpStubScript script = McpStubScript.defaultScript().withStart(McpStubScript.Start.HANG_IN_INITIALIZE);

        assertThat(read(script, INITIALIZE + LIST)).isEqualTo(LIST);
    }

    @Test
    void dropsTheConnectionWhenAToolScriptedToExitIsCalled() throws IOException {
        McpStubScript script = McpStubScript.parse("{\"tools\": [{\"name\": \"crash\", \"reply\": \"exit\"}]}");

        read(script, INITIALIZE + CRASH);

        assertThat(drops).hasValue(1);
    }

    @Test
    void tellsWhenTheClientClosedItsEnd() throws Exception {
        McpStubStdin stdin = stdin(McpStubScript.defaultScript(), LIST);
        stdin.readAllBytes();

        stdin.awaitEnd(); // returns at once: the end was reached
        assertThat(stdin.read()).isEqualTo(-1);
    }

    private String read(McpStubScript script, String input) throws IOException {
        return new String(stdin(script, input).readAllBytes(), StandardCharsets.UTF_8);
    }

    private McpStubStdin stdin(McpStubScript script, String input) {
        return new McpStubStdin(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new McpStubWire(script, null), drops::incrementAndGet);
    }
}
