package io.redux.testkit.stub;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the Bedrock Runtime stub until killed: {@code java -jar redux-stub-server.jar [--port N] [--script FILE]};
 * with {@code --s3 BUCKET[,BUCKET...]}, the S3 stub ({@link S3Stub}) with those buckets instead. The first line printed is {@code listening on http://127.0.0.1:PORT}, with the port chosen when N is 0 (the
 * default). A problem is one line on stderr: exit code 2 for a bad command line, 1 when the stub cannot start (its
 * port is in use). The script format is in {@link StubScript}.
 */
public final class StubServerMain {

    private static final String USAGE = "usage: java -jar redux-stub-server.jar [--port N]"
            + " [--script FILE | --s3 BUCKET[,BUCKET...]]";

    /**
     * The outcome of a command line.
     *
     * @param stub     the running stub, or null when there is none to run
     * @param exitCode the exit code when there is no stub: 0 after --help, 1 or 2 after an error
     */
    record Started(StubServer stub, int exitCode) {
    }

    private StubServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Started started = start(args, System.out, System.err);
        if (started.stub() == null) {
            System.exit(started.exitCode());
        }
        new CountDownLatch(1).await();
    }

    /** Starts the stub the command line asks for, printing its first line to {@code out} or the problem to {@code err}. */
    static Started start(String[] args, PrintStream out, PrintStream err) {
        int port = 0;
        List<StubReply> script = List.of();
        List<String> buckets = List.of();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = port(value(args, ++i, "--port"));
                    case "--script" -> script = StubScript.parse(readScript(value(args, ++i, "--script")));
                    case "--s3" -> buckets = List.of(value(args, ++i, "--s3").split(","));
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return new Started(null, 0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
                }
            }
            if (!buckets.isEmpty() && !script.isEmpty()) {
                throw new IllegalArgumentException("--script scripts the Bedrock stub; the S3 stub (--s3) takes none");
            }
        } catch (IllegalArgumentException e) {
            err.println("redux-stub-server: " + e.getMessage());
            return new Started(null, 2);
        }
        StubServer stub;
        try {
            if (buckets.isEmpty()) {
                stub = new BedrockRuntimeStub(port).enqueue(script.toArray(StubReply[]::new));
            } else {
                S3Stub s3 = new S3Stub(port);
                buckets.forEach(s3::createBucket);
                stub = s3;
            }
        } catch (UncheckedIOException e) {
            err.println("redux-stub-server: " + e.getMessage() + (e.getCause() instanceof BindException
                    ? "; pick another with --port N, or --port 0 for a free one" : ""));
            return new Started(null, 1);
        }
        out.println("listening on " + stub.endpoint());
        out.flush();
        return new Started(stub, 0);
    }

    private static List<String> readScript(String file) {
        Path path = Path.of(file);
        try {
            return Files.readAllLines(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the script file " + file);
        }
    }

    /** The value of a {@code --port} option: 0 (any free port) to 65535; the stub servers' mains share it. */
    public static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--port takes a number from 0 to 65535, not " + value);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
