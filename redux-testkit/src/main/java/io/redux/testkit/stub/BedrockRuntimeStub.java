package io.redux.testkit.stub;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.Queue;
import java.util.function.Function;

/**
 * Bedrock Runtime on loopback: {@code POST /model/{modelId}/converse} answers JSON, and
 * {@code POST /model/{modelId}/converse-stream} answers with {@code application/vnd.amazon.eventstream} framing.
 *
 * <p>Each request takes the next {@linkplain #enqueue scripted reply}; with none left it answers as an echo model.
 */
public final class BedrockRuntimeStub extends StubServer {

    private static final String CONVERSE = "/converse";
    private static final String CONVERSE_STREAM = "/converse-stream";

    private final Queue<StubReply> script = new ConcurrentLinkedQueue<>();
    private volatile StubReply always;

    public BedrockRuntimeStub() {
        this(0);
    }

    public BedrockRuntimeStub(int port) {
        super(port);
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

    public BedrockRuntimeStub enqueue(StubReply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** The next {@code times} requests fail with ThrottlingException (HTTP 429). */
    public BedrockRuntimeStub throttle(int times) {
        for (int i = 0; i < times; i++) {
            script.add(StubReply.error(StubError.THROTTLING));
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
    protected void handle(HttpExchange exchange, RecordedRequest request) throws IOException {
        String path = request.path();
        if (!"POST".equals(request.method()) || !path.startsWith("/model/")
                || !(path.endsWith(CONVERSE) || path.endsWith(CONVERSE_STREAM))) {
            sendError(exchange, new StubError(404, "UnknownOperationException", "No operation at " + path));
            return;
        }
        StubReply reply = nextReply(request, r -> EchoModel.answer(EchoModel.lastUserText(r.bodyJson())));
        pause(reply.firstByteDelayMillis());
        if (reply.error() != null) {
            sendError(exchange, reply.error());
        } else if (path.endsWith(CONVERSE_STREAM)) {
            stream(exchange, reply);
        } else {
            respond(exchange, 200, "application/json", BedrockWire.converseResponse(reply));
        }
    }

    private StubReply nextReply(RecordedRequest request, Function<RecordedRequest, StubReply> otherwise) {
        StubReply next = script.poll();
        if (next != null) {
            return next;
        }
        return always != null ? always : otherwise.apply(request);
    }

    static void sendError(HttpExchange exchange, StubError error) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", error.type() + ":http://internal.amazon.com/coral/com.amazon.bedrock/");
        respond(exchange, error.status(), "application/json", error.jsonBody());
    }

    private static void stream(HttpExchange exchange, StubReply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.amazon.eventstream");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "stub-request");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        List<byte[]> events = BedrockWire.streamEvents(reply);
        for (int i = 0; i < events.size(); i++) {
            if (i == reply.stallAfter()) {
                pause(reply.stallMillis());
            }
            if (i == reply.streamFailureAfter()) {
                StubError failure = reply.streamFailure();
                out.write(EventStreamEncoder.exception(failure.streamExceptionType(), failure.jsonBody()));
                out.flush();
                return;
            }
            out.write(events.get(i));
            out.flush();
        }
    }
}
