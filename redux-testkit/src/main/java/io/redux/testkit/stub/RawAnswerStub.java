package io.redux.testkit.stub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A loopback server that answers every connection with the same raw bytes, whatever was asked: for endpoints that
 * answer, but not as AWS does (a wrong port, a proxy's error page without an AWS error, plain HTTP where https was
 * asked for). It reads the request first (head and body, or a TLS client's first flight), so closing sends no reset.
 */
public final class RawAnswerStub implements AutoCloseable {

    private final ServerSocket socket;

    /** @param answer the bytes sent back, as ISO-8859-1 text (so "\u0000" is a zero byte) */
    public RawAnswerStub(String answer) {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on the loopback interface", e);
        }
        byte[] bytes = answer.getBytes(StandardCharsets.ISO_8859_1);
        Thread thread = new Thread(() -> serve(bytes), "RawAnswerStub");
        thread.setDaemon(true);
        thread.start();
    }

    /** An HTTP answer with {@code status} and a plain-text body, without any AWS error header. */
    public static RawAnswerStub http(int status, String reason, String body) {
        return new RawAnswerStub("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body);
    }

    /** {@code scheme://127.0.0.1:PORT}: http, or https to see what a TLS client makes of a plain answer. */
    public URI endpoint(String scheme) {
        return URI.create(scheme + "://127.0.0.1:" + socket.getLocalPort());
    }

    public URI endpoint() {
        return endpoint("http");
    }

    private void serve(byte[] answer) {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                readRequest(client.getInputStream());
                OutputStream out = client.getOutputStream();
                out.write(answer);
                out.flush();
            } catch (IOException e) {
                // closed by close(), or the client hung up: either way, on to the next connection
            }
        }
    }

    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0; ) {
            head.write(b);
            if (head.size() == 1 && b == 0x16) {
                // A TLS record: no HTTP head will come; take what the client sent and answer.
                in.readNBytes(in.available());
                return;
            }
            if (b == '\n' && head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        in.readNBytes(Integer.parseInt(line.substring("content-length:".length()).strip()));
                    }
                }
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
