package io.redux.testkit.stub;

import com.sun.net.httpserver.HttpExchange;

import javax.net.ssl.SSLContext;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * A model runtime on loopback: each request to one of its operations takes the next {@linkplain #enqueue scripted
 * reply}; with none left it answers as an echo model.
 *
 * @param <S> the stub itself, so that {@link #enqueue} chains
 */
abstract class ScriptedModelStub<S extends ScriptedModelStub<S>> extends StubServer {

    /** What a proxy or a broken server might send: no event-stream prelude, no valid checksum. */
    private static final byte[] GARBAGE = "<html><body>502 Bad Gateway: not an event stream</body></html>\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final Queue<StubReply> script = new ConcurrentLinkedQueue<>();

    ScriptedModelStub(int port, SSLContext tls) {
        super(port, tls);
    }

    public S enqueue(StubReply... replies) {
        script.addAll(List.of(replies));
        @SuppressWarnings("unchecked")
        S self = (S) this;
        return self;
    }

    @Override
    protected final void handle(HttpExchange exchange, RecordedRequest request) throws IOException {
        // Before taking a reply: a request to a wrong path must not use up the reply scripted for the next real one.
        if (!isOperation(request)) {
            sendError(exchange, new StubError(404, "UnknownOperationException", "No operation at " + request.path()));
            return;
        }
        StubReply reply = script.poll();
        if (reply == null) {
            reply = unscripted(request);
        }
        pause(reply.firstByteDelayMillis());
        if (reply.error() != null) {
            sendError(exchange, reply.error());
        } else {
            answer(exchange, request, reply);
        }
    }

    /** Whether {@code request} names an operation of this runtime. */
    abstract boolean isOperation(RecordedRequest request);

    /** Sends {@code reply}, which is not an error, as the answer to {@code request}. */
    abstract void answer(HttpExchange exchange, RecordedRequest request, StubReply reply) throws IOException;

    /** The reply when nothing is scripted. */
    StubReply unscripted(RecordedRequest request) {
        return EchoModel.answer(EchoModel.lastUserText(request.bodyJson()));
    }

    /**
     * Writes the framed {@code events} of {@code reply}'s stream, each flushed at once, with its fault (if any) in
     * its place; {@code exceptionEvent} frames an exception event as the runtime names it.
     */
    static void sendEvents(OutputStream out, List<byte[]> events, StubReply reply,
                           Function<StubError, byte[]> exceptionEvent) throws IOException {
        for (int i = 0; i <= events.size(); i++) {
            if (i == reply.faultAfter() && reply.fault() != null && !sendFault(out, reply.fault(), exceptionEvent)) {
                return;
            }
            if (i < events.size()) {
                out.write(events.get(i));
                out.flush();
            }
        }
    }

    /** Sends {@code fault}; whether the rest of the stream follows. */
    private static boolean sendFault(OutputStream out, StubReply.StreamFault fault,
                                     Function<StubError, byte[]> exceptionEvent) throws IOException {
        if (fault instanceof StubReply.StreamException exception) {
            out.write(exceptionEvent.apply(exception.error()));
            out.flush();
            return false;
        }
        if (fault instanceof StubReply.Garbage) {
            out.write(GARBAGE);
            out.flush();
            return false;
        }
        if (fault instanceof StubReply.Stall stall) {
            pause(stall.millis());
            return !stall.forever();
        }
        return false;
    }

    static void sendError(HttpExchange exchange, StubError error) throws IOException {
        // The error type as Bedrock qualifies it; the SDK reads the part before the colon.
        sendError(exchange, error.status(), error.type() + ":http://internal.amazon.com/coral/com.amazon.bedrock/",
                error.message());
    }
}
