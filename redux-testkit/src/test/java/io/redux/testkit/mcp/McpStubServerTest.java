package io.redux.testkit.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class McpStubServerTest {

    static final String SCRIPT = """
            {"serverName": "tickets", "version": "2.0.0", "tools": [
              {"name": "greet", "description": "Says hello.", "reply": "text", "text": "hello",
               "inputSchema": {"type": "object", "properties": {"who": {"type": "string"}}, "required": ["who"]}},
              {"name": "echo", "reply": "echo"},
              {"name": "fail", "reply": "error", "text": "ticket not found"},
              {"name": "big", "reply": "bytes", "size": 1048576},
              {"name": "ticket", "reply": "structured", "content": {"id": 7, "state": "open"}},
              {"name": "screenshot", "reply": "image"},
              {"name": "wait", "reply": "hang"},
              {"name": "crash", "reply": "exit"}
            ]}""";

    @Test
    void listsTheScriptedToolsWithTheirSchemas() {
        try (McpStubServer server = McpStubServer.http(McpStubScript.parse(SCRIPT));
             McpSyncClient client = client(server.url())) {
            McpSchema.InitializeResult init = client.initialize();

            assertThat(init.serverInfo().name()).isEqualTo("tickets");
            assertThat(init.serverInfo().version()).isEqualTo("2.0.0");
            List<McpSchema.Tool> tools = client.listTools().tools();
            assertThat(tools).extracting(McpSchema.Tool::name)
                    .containsExactly("greet", "echo", "fail", "big", "ticket", "screenshot", "wait", "crash");
            assertThat(tools.get(0).description()).isEqualTo("Says hello.");
            assertThat(tools.get(0).inputSchema()).isEqualTo(Map.of("type", "object",
                    "properties", Map.of("who", Map.of("type", "string")), "required", List.of("who")));
            assertThat(tools.get(1).inputSchema()).isEqualTo(Map.of("type", "object"));
        }
    }

    @Test
    void answersEachCallAsScriptedAndRecordsIt() {
        try (McpStubServer server = McpStubServer.http(McpStubScript.parse(SCRIPT));
             McpSyncClient client = client(server.url())) {
            client.initialize();

            assertThat(text(client.callTool(new CallToolRequest("greet", Map.of("who", "Ada"))))).isEqualTo("hello");
            assertThat(text(client.callTool(new CallToolRequest("echo", Map.of("n", 1))))).isEqualTo("{\"n\":1}");
            CallToolResult failed = client.callTool(new CallToolRequest("fail", Map.of()));
            assertThat(failed.isError()).isTrue();
            assertThat(text(failed)).isEqualTo("ticket not found");
            assertThat(text(client.callTool(new CallToolRequest("big", Map.of())))).hasSize(1024 * 1024).matches("x+");
            CallToolResult structured = client.callTool(new CallToolRequest("ticket", Map.of()));
            assertThat(structured.structuredContent()).isEqualTo(Map.of("id", 7, "state", "open"));
            McpSchema.Content image = client.callTool(new CallToolRequest("screenshot", Map.of())).content().get(0);
            assertThat(image).isInstanceOf(McpSchema.ImageContent.class);
            assertThat(((McpSchema.ImageContent) image).mimeType()).isEqualTo("image/png");
            assertThat(((McpSchema.ImageContent) image).data()).isEqualTo(McpStubScript.DEFAULT_IMAGE);

            assertThat(server.calls()).extracting(McpStubCall::name)
                    .containsExactly("greet", "echo", "fail", "big", "ticket", "screenshot");
            assertThat(server.calls().get(0).arguments()).isEqualTo("{\"who\":\"Ada\"}");
            assertThat(server.calls()).noneMatch(McpStubCall::cancelled);
        }
    }

    @Test
    void aToolScriptedToExitDropsTheConnectionMidCall() {
        try (McpStubServer server = McpStubServer.http(McpStubScript.parse(SCRIPT));
             McpSyncClient client = client(server.url())) {
            client.initialize();

            assertThatThrownBy(() -> client.callTool(new CallToolRequest("crash", Map.of()))).isInstanceOf(RuntimeException.class);
            assertThat(server.calls()).extracting(McpStubCall::name).containsExactly("crash");
        }
    }

    @Test
    void recordsTheCancellationOfAHangingCall() throws Exception {
        try (McpStubServer server = McpStubServer.http(McpStubScript.parse(SCRIPT))) {
            RawHttpClient raw = new RawHttpClient(server.url());
            raw.initialize();
            CompletableFuture<HttpResponse<String>> hanging = raw.postAsync(
                    "{\"jsonrpc\":\"2.0\",\"id\":\"call-1\",\"method\":\"tools/call\",\"params\":{\"name\":\"wait\",\"arguments\":{\"for\":\"ever\"}}}");
            server.awaitCalls(1);

            raw.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"call-1\",\"reason\":\"user\"}}");

            assertThat(server.calls()).containsExactly(new McpStubCall("\"call-1\"", "wait", "{\"for\":\"ever\"}", true));
            assertThat(hanging).isNotDone();
        }
    }

    @Test
    void recordsTheHeadersOfEveryRequest() {
        try (McpStubServer server = McpStubServer.http(McpStubScript.defaultScript());
             McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(base(server.url()))
                             .endpoint(server.url().getPath())
                             .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer s3cret"))
                             .build())
                     .jsonSchemaValidator(McpStubTools.ACCEPT_ALL).build()) {
            client.initialize();

            assertThat(server.requestHeaders()).isNotEmpty()
                    .allSatisfy(headers -> assertThat(headers.get("authorization")).isEqualTo("Bearer s3cret"));
        }
    }

    @Test
    void aServerScriptedToExitAtStartHasNothingListening() {
        McpStubScript script = McpStubScript.defaultScript().withStart(McpStubScript.Start.EXIT);
        try (McpStubServer server = McpStubServer.http(script); McpSyncClient client = client(server.url())) {
            assertThatThrownBy(client::initialize).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void aServerScriptedToHangInInitializeLetsTheClientTimeOut() {
        McpStubScript script = McpStubScript.defaultScript().withStart(McpStubScript.Start.HANG_IN_INITIALIZE);
        try (McpStubServer server = McpStubServer.http(script);
             McpSyncClient client = McpClient.sync(transport(server.url())).jsonSchemaValidator(McpStubTools.ACCEPT_ALL)
                     .initializationTimeout(Duration.ofMillis(200)).build()) {
            assertThatThrownBy(client::initialize).isInstanceOf(RuntimeException.class);
            assertThat(server.requestHeaders()).hasSize(1);
        }
    }

    @Test
    void aServerScriptedToAnswerGarbageFailsTheClientsInitialize() {
        McpStubScript script = McpStubScript.defaultScript().withStart(McpStubScript.Start.GARBAGE);
        try (McpStubServer server = McpStubServer.http(script); McpSyncClient client = client(server.url())) {
            assertThatThrownBy(client::initialize).isInstanceOf(RuntimeException.class);
        }
    }

    static McpSyncClient client(URI url) {
        return McpClient.sync(transport(url)).jsonSchemaValidator(McpStubTools.ACCEPT_ALL).build();
    }

    private static HttpClientStreamableHttpTransport transport(URI url) {
        return HttpClientStreamableHttpTransport.builder(base(url)).endpoint(url.getPath()).build();
    }

    private static String base(URI url) {
        return "http://" + url.getAuthority();
    }

    static String text(CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    /** Speaks the wire directly, for what the SDK's client does not send (cancellation). */
    private static final class RawHttpClient {

        private final HttpClient http = HttpClient.newHttpClient();
        private final URI url;
        private String session;

        RawHttpClient(URI url) {
            this.url = url;
        }

        void initialize() throws Exception {
            HttpResponse<String> init = post("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
                    + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
            assertThat(init.statusCode()).isEqualTo(200);
            session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
            post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        }

        HttpResponse<String> post(String message) throws Exception {
            return http.send(request(message), HttpResponse.BodyHandlers.ofString());
        }

        CompletableFuture<HttpResponse<String>> postAsync(String message) {
            return http.sendAsync(request(message), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest request(String message) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(message));
            if (session != null) {
                builder.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-06-18");
            }
            return builder.build();
        }
    }
}
