package io.redux.cli.distribution;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A loopback stand-in for Bedrock Runtime and STS, so the archive's training run can chat and ask who it is the way a
 * user's run does, without a network or an account: ConverseStream answers one short streamed reply, any other
 * request is taken for GetCallerIdentity. Its answers are fixed; only the code paths they drive matter.
 */
final class TrainingEndpoint implements AutoCloseable {

    private static final byte[] CONVERSE_STREAM = converseStream();
    private static final byte[] CALLER_IDENTITY = ("<GetCallerIdentityResponse "
            + "xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
            + "<Arn>arn:aws:iam::123456789012:user/training</Arn><UserId>AIDATRAINING</UserId>"
            + "<Account>123456789012</Account></GetCallerIdentityResult>"
            + "<ResponseMetadata><RequestId>training</RequestId></ResponseMetadata></GetCallerIdentityResponse>")
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;

    TrainingEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", TrainingEndpoint::answer);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            boolean converse = exchange.getRequestURI().getPath().endsWith("/converse-stream");
            byte[] body = converse ? CONVERSE_STREAM : CALLER_IDENTITY;
            exchange.getResponseHeaders().set("Content-Type",
                    converse ? "application/vnd.amazon.eventstream" : "text/xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** The events of a one-word answer, framed as Bedrock frames them. */
    private static byte[] converseStream() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        event(stream, "messageStart", "{\"role\":\"assistant\"}");
        event(stream, "contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Trained.\"}}");
        event(stream, "contentBlockStop", "{\"contentBlockIndex\":0}");
        event(stream, "messageStop", "{\"stopReason\":\"end_turn\"}");
        event(stream, "metadata", "{\"usage\":{\"inputTokens\":1,\"outputTokens\":1,\"totalTokens\":2},"
                + "\"metrics\":{\"latencyMs\":1}}");
        return stream.toByteArray();
    }

    /**
     * One event-stream message: total and header lengths, their CRC-32, the three string headers, the JSON payload,
     * and the CRC-32 of all before it. (The CLI layer may not use the SDK's encoder; the format is this simple.)
     */
    private static void event(ByteArrayOutputStream stream, String type, String json) {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        header(headers, ":event-type", type);
        header(headers, ":content-type", "application/json");
        header(headers, ":message-type", "event");
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        int total = 12 + headers.size() + payload.length + 4;
        ByteBuffer message = ByteBuffer.allocate(total).putInt(total).putInt(headers.size());
        message.putInt(crc(message.array(), 8)).put(headers.toByteArray()).put(payload);
        message.putInt(crc(message.array(), total - 4));
        stream.writeBytes(message.array());
    }

    private static void header(ByteArrayOutputStream headers, String name, String value) {
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
        headers.write(nameBytes.length);
        headers.writeBytes(nameBytes);
        headers.write(7); // string
        headers.write(valueBytes.length >> 8);
        headers.write(valueBytes.length);
        headers.writeBytes(valueBytes);
    }

    private static int crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
