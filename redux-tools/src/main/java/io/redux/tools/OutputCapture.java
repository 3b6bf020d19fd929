package io.redux.tools;

import io.redux.domain.tool.OutputLimit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a process stream to its end on its own thread, keeping at most a given number of bytes. */
final class OutputCapture implements Runnable {

    private final InputStream stream;
    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final Thread thread;
    private long total;

    private OutputCapture(InputStream stream, int limit, String name) {
        this.stream = stream;
        this.limit = limit;
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
    }

    static OutputCapture start(InputStream stream, int limit, String name) {
        OutputCapture capture = new OutputCapture(stream, limit, name);
        capture.thread.start();
        return capture;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try (stream) {
            for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
                synchronized (this) {
                    int room = (int) Math.max(0, limit - total);
                    kept.write(buffer, 0, Math.min(n, room));
                    total += n;
                }
            }
        } catch (IOException e) {
            // The stream closed under us (the process was killed): what was read so far is the output.
        }
    }

    /** The output read, with a note when some was cut or the stream did not end within {@code millis}. */
    String await(long millis) throws InterruptedException {
        thread.join(millis);
        synchronized (this) {
            String text = kept.toString(StandardCharsets.UTF_8);
            if (total > limit) {
                text += OutputLimit.note(total - limit, limit);
            }
            if (thread.isAlive()) {
                text += "\n[output still open; shown as far as it was read]";
            }
            return text;
        }
    }
}
