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

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = 0;
        List<StubReply> script = List.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--script" -> script = StubScript.parse(Files.readAllLines(Path.of(value(args, ++i, "--script"))));
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

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[index];
    }
}
