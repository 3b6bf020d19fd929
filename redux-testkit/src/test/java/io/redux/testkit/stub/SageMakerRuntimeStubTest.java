package io.redux.testkit.stub;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class SageMakerRuntimeStubTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRequestToAnUnknownPathLeavesTheScriptedReplyForTheNextInvocation() throws Exception {
        try (SageMakerRuntimeStub stub = new SageMakerRuntimeStub().enqueue(StubReply.text("scripted"))) {
            HttpResponse<String> wrong = post(stub.endpoint().resolve("/endpoints/llama/nowhere"), "{}");
            HttpResponse<String> right = post(stub.endpoint().resolve("/endpoints/llama/invocations"),
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

            assertThat(wrong.statusCode()).isEqualTo(404);
            assertThat(wrong.headers().firstValue("x-amzn-ErrorType")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("UnknownOperationException"));
            assertThat(right.body()).contains("\"content\":\"scripted\"");
        }
    }

    @Test
    void withoutAScriptItEchoesTheLastUserMessage() throws Exception {
        try (SageMakerRuntimeStub stub = new SageMakerRuntimeStub()) {
            HttpResponse<String> response = post(stub.endpoint().resolve("/endpoints/llama/invocations"),
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"first\"},{\"role\":\"assistant\",\"content\":\"ok\"},"
                            + "{\"role\":\"user\",\"content\":\"ping pong\"}]}");

            assertThat(response.body()).contains("You said: \\\"ping pong\\\"").doesNotContain("first");
        }
    }

    private HttpResponse<String> post(URI uri, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
