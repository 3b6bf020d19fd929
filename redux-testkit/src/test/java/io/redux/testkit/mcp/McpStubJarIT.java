package io.redux.testkit.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** target/redux-mcp-stub.jar, started with java -jar as a client's configuration starts it. */
class McpStubJarIT {

    private static final Path JAR = Path.of("target", "redux-mcp-stub.jar").toAbsolutePath();
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    @TempDir
    Path dir;

    @Test
    void servesOverStdioAndEndsWithItsClient() throws Exception {
        Path script = Files.writeString(dir.resolve("script.json"),
                "{\"tools\": [{\"name\": \"big\", \"reply\": \"bytes\", \"size\": 1048576}]}");
        Path log = dir.resolve("calls.jsonl");
        Path pid = dir.resolve("stub.pid");
        ServerParameters command = ServerParameters.builder(JAVA).args("-jar", JAR.toString(), "--script", script.toString(),
                "--calls-log", log.toString(), "--pid-file", pid.toString()).build();

        try (McpSyncClient client = McpClient.sync(new StdioClientTransport(command, new JacksonMcpJsonMapper(new ObjectMapper())))
                .jsonSchemaValidator(McpStubTools.ACCEPT_ALL).build()) {
            client.initialize();
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).containsExactly("big");
            assertThat(McpStubServerTest.text(client.callTool(new CallToolRequest("big", Map.of())))).hasSize(1024 * 1024);
        }

        assertThat(McpStubCall.readLog(log)).extracting(McpStubCall::name).containsExactly("big");
        ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).ifPresent(stub -> stub.onExit().join());
    }

    @Test
    void servesStreamableHttpWithHttp() throws Exception {
        Process stub = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "--http").start();
        try {
            String first = new BufferedReader(new InputStreamReader(stub.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(first).matches("listening on http://127\\.0\\.0\\.1:[0-9]+/mcp");
            URI url = URI.create(first.substring("listening on ".length()));

            try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://" + url.getAuthority())
                    .endpoint(url.getPath()).build()).jsonSchemaValidator(McpStubTools.ACCEPT_ALL).build()) {
                client.initialize();
                assertThat(McpStubServerTest.text(client.callTool(new CallToolRequest("echo", Map.of("text", "hi")))))
                        .isEqualTo("{\"text\":\"hi\"}");
            }
        } finally {
            stub.destroy();
            stub.waitFor();
        }
    }
}
