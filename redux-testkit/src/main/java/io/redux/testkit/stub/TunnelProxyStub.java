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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP proxy that only tunnels ({@code CONNECT host:port}), as corporate HTTPS proxies do, on loopback. Every
 * tunnel leads to {@code upstream} whatever host was asked for, so tests can use hosts that do not resolve and
 * still prove the call went through the proxy. Records the CONNECT targets.
 */
public final class TunnelProxyStub implements AutoCloseable {

    private final ServerSocket server;
    private final URI upstream;
    private final List<String> tunnels = new CopyOnWriteArrayList<>();

    public TunnelProxyStub(URI upstream) {
        this.upstream = upstream;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon(this::acceptLoop);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** The {@code host:port} of every CONNECT received. */
    public List<String> tunnels() {
        return List.copyOf(tunnels);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing a loopback listener does not fail in a way a test could act on.
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                daemon(() -> tunnel(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void tunnel(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            String[] requestLine = head.split("\r\n", 2)[0].split(" ");
            OutputStream out = client.getOutputStream();
            if (requestLine.length < 2 || !requestLine[0].equals("CONNECT")) {
                out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            tunnels.add(requestLine[1]);
            try (Socket target = new Socket(upstream.getHost(), upstream.getPort())) {
                out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread back = daemon(() -> pump(target, client));
                pump(client, target);
                back.join();
            }
        } catch (IOException | InterruptedException e) {
            // A tunnel ends when either side closes.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // The other side closed.
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "tunnel-proxy-stub");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
