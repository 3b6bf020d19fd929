package io.redux.aws;

import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.error.ModelInvocationException.Reason;
import io.redux.testkit.stub.RawAnswerStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import static io.redux.aws.TestGateways.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An endpoint that answers, but not as AWS does (a wrong port, a proxy's error page, plain HTTP where https was
 * asked for), is reported in one plain sentence; only what may pass a moment later is tried again.
 */
class ForeignEndpointTest {

    private static final String MODEL = "custom:eu-west-1:bedrock:anthropic.claude-3-haiku-20240307-v1:0";

    private final AtomicInteger tries = new AtomicInteger();
    private RawAnswerStub server;

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void bytesThatAreNotHttpAreReportedOnceAsNotHttp() {
        server = new RawAnswerStub("\u0000\u0001\u0002hello, this is not HTTP\r\n\r\n");

        ModelInvocationException error = streamFails(server.endpoint());

        assertThat(error.reason()).isEqualTo(Reason.ENDPOINT_UNREACHABLE);
        assertThat(error.getMessage()).isEqualTo("Cannot talk to Bedrock at " + server.endpoint()
                + ": its answer is not HTTP. Check that REDUX_ENDPOINT_URL, if you set it, and HTTPS_PROXY point where"
                + " they should.");
        assertThat(tries).hasValue(1);
    }

    @Test
    void a200WhoseBodyIsNotAnEventStreamSaysSo() {
        String body = "this is not an event stream at all, just some bytes";
        server = new RawAnswerStub("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.amazon.eventstream\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body);

        ModelInvocationException error = streamFails(server.endpoint());

        assertThat(error.getMessage()).startsWith("Cannot talk to Bedrock at " + server.endpoint()
                + ": its answer is not an AWS event stream.").doesNotContain("checksum");
        assertThat(tries).hasValue(1);
    }

    @Test
    void a500WithoutAnAwsErrorGivesTheStatusAndNoNulls() {
        server = RawAnswerStub.http(500, "Internal Server Error", "Internal Server Error");

        ModelInvocationException error = streamFails(server.endpoint());

        assertThat(error.reason()).isEqualTo(Reason.SERVICE_UNAVAILABLE);
        assertThat(error.getMessage()).contains("HTTP 500", "Try again later").doesNotContain("null", "SDK Attempt");
        assertThat(tries).hasValue(4);
    }

    /** The SDK reports only that the connection closed (not Netty's "not a TLS record"); the message says what to check. */
    @Test
    void httpsToAPlainHttpPortSaysToUseHttp() {
        server = new RawAnswerStub("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        ModelInvocationException error = streamFails(server.endpoint("https"));

        assertThat(error.reason()).isEqualTo(Reason.ENDPOINT_UNREACHABLE);
        assertThat(error.getMessage()).contains(server.endpoint("https").toString(), "closed the connection",
                "use http:// instead of https://").doesNotContain("Exception");
        assertThat(tries).hasValue(1);
    }

    private ModelInvocationException streamFails(URI endpoint) {
        try (BedrockModelGateway gateway = new BedrockModelGateway(TestGateways.counting(endpoint, tries))) {
            return catchThrowableOfType(ModelInvocationException.class,
                    () -> gateway.converseStream(ask(MODEL, "hi"), event -> { }));
        }
    }
}
