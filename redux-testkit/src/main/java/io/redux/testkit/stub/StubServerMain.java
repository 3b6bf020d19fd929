package io.redux.testkit.stub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the Bedrock Runtime stub until killed: {@code java -jar redux-stub-server.jar [--port N] [--script FILE]}.
 * The first line printed is {@code listening on http://127.0.0.1:PORT}. The script format is in {@link StubScript}.
 */
public final class StubServerMain {

    private StubServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        try {
            run(args);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("redux-stub-server: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(String[] args) throws IOException, InterruptedException {
        int port = 0;
        List<StubReply> script = List.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = port(value(args, ++i, "--port"));
                case "--script" -> script = StubScript.parse(readScript(value(args, ++i, "--script")));
                case "--help", "-h" -> {
                    System.out.println("usage: java -jar redux-stub-server.jar [--port N] [--script FILE]");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + "; usage: [--port N] [--script FILE]");
                    System.exit(2);
                }
            }
        }
        BedrockRuntimeStub stub = new BedrockRuntimeStub(port);
        stub.enqueue(script.toArray(StubReply[]::new));
        System.out.println("listening on " + stub.endpoint());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static List<String> readScript(String file) throws IOException {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("cannot read the script file " + file);
        }
        return Files.readAllLines(path);
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port takes a number from 0 to 65535, not " + value);
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[index];
    }
}
