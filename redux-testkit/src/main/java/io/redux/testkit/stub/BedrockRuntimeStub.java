package io.redux.testkit.stub;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bedrock Runtime on loopback: {@code POST /model/{modelId}/converse} answers JSON, and
 * {@code POST /model/{modelId}/converse-stream} answers with {@code application/vnd.amazon.eventstream} framing.
 *
 * <p>Each request takes the next {@linkplain #enqueue scripted reply}; with none left it answers as an echo model.
 */
public final class BedrockRuntimeStub extends ScriptedModelStub<BedrockRuntimeStub> {

    private static final String CONVERSE = "/converse";
    private static final String CONVERSE_STREAM = "/converse-stream";

    private volatile StubReply always;

    public BedrockRuntimeStub() {
        this(0);
    }

    public BedrockRuntimeStub(int port) {
        super(port, null);
    }

    /** An https:// stub presenting the key and certificate of {@code tls}. */
    public BedrockRuntimeStub(javax.net.ssl.SSLContext tls) {
        super(0, tls);
    }

    /** Answers every request without a scripted reply with {@code reply}, instead of echoing. */
    public BedrockRuntimeStub always(StubReply reply) {
        this.always = reply;
        return this;
    }

    /** The next {@code times} requests fail with ThrottlingException (HTTP 429). */
    public BedrockRuntimeStub throttle(int times) {
        for (int i = 0; i < times; i++) {
            enqueue(StubReply.error(StubError.THROTTLING));
        }
        return this;
    }

    /** The model id of a recorded request, decoded from its path. */
    public static String modelIdOf(RecordedRequest request) {
        String path = request.path();
        String encoded = path.substring("/model/".length(), path.lastIndexOf('/'));
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    /** Requests that reached a model operation, for counting attempts. */
    public List<RecordedRequest> modelRequests() {
        List<RecordedRequest> model = new ArrayList<>();
        requests().stream().filter(r -> r.path().startsWith("/model/")).forEach(model::add);
        return model;
    }

    @Override
    boolean isOperation(RecordedRequest request) {
        String path = request.path();
        return "POST".equals(request.method()) && path.startsWith("/model/")
                && (path.endsWith(CONVERSE) || path.endsWith(CONVERSE_STREAM));
    }

    @Override
    StubReply unscripted(RecordedRequest request) {
        return always != null ? always : super.unscripted(request);
    }

    @Override
    void answer(HttpExchange exchange, RecordedRequest request, StubReply reply) throws IOException {
        if (request.path().endsWith(CONVERSE_STREAM)) {
            stream(exchange, reply);
        } else {
            respond(exchange, 200, "application/json", BedrockWire.converseResponse(reply));
        }
    }

    private static void stream(HttpExchange exchange, StubReply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.amazon.eventstream");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "stub-request");
        exchange.sendResponseHeaders(200, 0);
        sendEvents(exchange.getResponseBody(), BedrockWire.streamEvents(reply), reply,
                error -> EventStreamEncoder.exception(error.streamExceptionType(), error.jsonBody()));
    }
}
