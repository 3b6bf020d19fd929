package io.redux.testkit.mcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * The stdio server's input: hands the SDK one line (one JSON-RPC message) at a time after the {@link McpStubWire}
 * has seen it, and tells when the client closed it.
 */
final class McpStubStdin extends InputStream {

    private final InputStream in;
    private final McpStubWire wire;
    private final Runnable drop;
    private final CountDownLatch ended = new CountDownLatch(1);
    private byte[] line = new byte[0];
    private int position;

    /** @param drop what to do when the wire says to drop the connection: end the process */
    McpStubStdin(InputStream in, McpStubWire wire, Runnable drop) {
        this.in = in;
        this.wire = wire;
        this.drop = drop;
    }

    /** Waits until the client closes the server's stdin. */
    void awaitEnd() throws InterruptedException {
        ended.await();
    }

    @Override
    public int read() throws IOException {
        if (position == line.length && !nextLine()) {
            return -1;
        }
        return line[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == line.length && !nextLine()) {
            return -1;
        }
        int count = Math.min(length, line.length - position);
        System.arraycopy(line, position, buffer, offset, count);
        position += count;
        return count;
    }

    @Override
    public int available() {
        return line.length - position;
    }

    private boolean nextLine() throws IOException {
        while (true) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int next;
            while ((next = in.read()) != -1 && next != '\n') {
                bytes.write(next);
            }
            if (next == -1 && bytes.size() == 0) {
                ended.countDown();
                return false;
            }
            McpStubWire.Action action = wire.inspect(bytes.toString(StandardCharsets.UTF_8));
            if (action == McpStubWire.Action.SWALLOW) {
                continue;
            }
            if (action == McpStubWire.Action.DROP) {
                drop.run();
            }
            bytes.write('\n');
            line = bytes.toByteArray();
            position = 0;
            return true;
        }
    }
}
