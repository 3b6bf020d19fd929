package io.redux.cli.bench;

import io.redux.testkit.stub.BedrockRuntimeStub;
import io.redux.testkit.stub.StsStub;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the CLI costs over the model's own time: the packaged launcher, run as a process, against the Bedrock Runtime
 * and STS stubs, next to the stub's own response time seen by a warm client. Prints medians in milliseconds.
 *
 * <pre>
 * java -cp CLASSPATH io.redux.cli.bench.ChatCliBenchmark [runs]      (the class path: docs/performance.md)
 * </pre>
 * Run it from the repository root.
 */
public final class ChatCliBenchmark {

    private static final Path LAUNCHER = Path.of("redux-cli/target/redux_cli/bin/redux_cli").toAbsolutePath();

    private ChatCliBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path home = Files.createTempDirectory("redux-bench");
        try (BedrockRuntimeStub bedrock = new BedrockRuntimeStub();
             StsStub sts = new StsStub().identity("AKIAFAKEFAKEFAKE1234", "123456789012",
                     "arn:aws:iam::123456789012:user/bench")) {
            Map<String, String> env = Map.of(
                    "PATH", System.getenv("PATH"), "HOME", home.toString(),
                    "REDUX_ENDPOINT_URL", bedrock.endpoint().toString(),
                    "AWS_ENDPOINT_URL_STS", sts.endpoint().toString(),
                    "AWS_ACCESS_KEY_ID", "AKIAFAKEFAKEFAKE1234", "AWS_SECRET_ACCESS_KEY", "fake-secret",
                    "AWS_EC2_METADATA_DISABLED", "true");
            double[] stub = stubResponse(bedrock.endpoint(), runs * 4);
            System.out.printf("stub, warm client: first byte %.1f ms, whole answer %.1f ms%n", stub[0], stub[1]);
            // Outside the built folder (an unpacked tar.gz), the first chat records the class-data archive.
            run(env, List.of("chat", "warm-up"));
            report("redux_cli --version", env, runs, "--version");
            report("redux_cli chat hello (one-shot)", env, runs, "chat", "hello");
            report("redux_cli whoami", env, runs, "whoami");
            Path systemBundle = Path.of("/etc/ssl/certs/ca-certificates.crt");
            if (Files.isReadable(systemBundle)) {
                // As behind a TLS-inspecting proxy: the JVM's roots plus a PEM bundle, here the system's 140-odd.
                Map<String, String> withBundle = new java.util.HashMap<>(env);
                withBundle.put("AWS_CA_BUNDLE", systemBundle.toString());
                report("redux_cli chat hello, AWS_CA_BUNDLE set", withBundle, runs, "chat", "hello");
            }
            Map<String, String> noCds = new java.util.HashMap<>(env);
            noCds.put("REDUX_CDS", "off");
            report("redux_cli chat hello, REDUX_CDS=off", noCds, runs, "chat", "hello");
        }
    }

    private static void report(String label, Map<String, String> env, int runs, String... args) throws Exception {
        double[] firstByte = new double[runs];
        double[] total = new double[runs];
        for (int i = 0; i < runs; i++) {
            double[] timing = run(env, List.of(args));
            firstByte[i] = timing[0];
            total[i] = timing[1];
        }
        System.out.printf("%-40s first stdout byte %6.0f ms, exit %6.0f ms (medians of %d)%n", label,
                new Samples(firstByte).median(), new Samples(total).median(), runs);
    }

    /** Runs the launcher; returns the time to the first byte on stdout and to the exit, in ms. */
    private static double[] run(Map<String, String> env, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        double firstByte = -1;
        try (InputStream out = process.getInputStream()) {
            if (out.read() >= 0) {
                firstByte = (System.nanoTime() - start) / 1e6;
            }
            out.transferTo(java.io.OutputStream.nullOutputStream());
        }
        int exit = process.waitFor();
        double total = (System.nanoTime() - start) / 1e6;
        if (exit != 0) {
            throw new IllegalStateException("redux_cli " + args + " exited with " + exit);
        }
        return new double[] {firstByte, total};
    }

    /** The stub's own ConverseStream time as a warm HTTP/1.1 client sees it: first byte and whole body. */
    private static double[] stubResponse(URI endpoint, int runs) {
        BareStubClient client = new BareStubClient(endpoint);
        double[] firstByte = new double[runs];
        double[] whole = new double[runs];
        for (int i = -runs; i < runs; i++) {
            double[] timing = client.firstByteAndWhole();
            if (i >= 0) {
                firstByte[i] = timing[0];
                whole[i] = timing[1];
            }
        }
        return new double[] {new Samples(firstByte).median(), new Samples(whole).median()};
    }
}
