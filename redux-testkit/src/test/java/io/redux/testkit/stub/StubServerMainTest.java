package io.redux.testkit.stub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The stub server's command line: what it prints and the exit code it asks for. */
class StubServerMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aPortInUseIsOneLineAndExitCode1() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            StubServerMain.Started started = start("--port", Integer.toString(port));

            assertThat(started.exitCode()).isEqualTo(1);
            assertThat(started.stub()).isNull();
            assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("redux-stub-server: port " + port
                    + " on 127.0.0.1 is in use; pick another with --port N, or --port 0 for a free one"
                    + System.lineSeparator());
        }
    }

    @Test
    void port0IsTheDefaultAndTheFirstLineNamesThePortChosen() {
        StubServerMain.Started started = start();
        try (StubServer stub = started.stub()) {
            assertThat(stub.port()).isPositive();
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("listening on http://127.0.0.1:" + stub.port()
                    + System.lineSeparator());
            assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        }
    }

    @Test
    void aPortThatIsNotANumberIsAUsageError() {
        StubServerMain.Started started = start("--port", "eighty");

        assertThat(started.exitCode()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("redux-stub-server: --port takes a number from 0"
                + " to 65535, not eighty" + System.lineSeparator());
    }

    @Test
    void s3StartsTheS3StubWithTheBucketsNamedInsteadOfTheBedrockOne() {
        StubServerMain.Started started = start("--s3", "team-history,audit");
        try (StubServer stub = started.stub()) {
            assertThat(stub).isInstanceOf(S3Stub.class);
            assertThat(((S3Stub) stub).keys("team-history")).isEmpty();
            assertThat(((S3Stub) stub).keys("audit")).isEmpty();
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("listening on http://127.0.0.1:" + stub.port()
                    + System.lineSeparator());
        }
    }

    @Test
    void s3WithAScriptIsAUsageError(@TempDir Path folder) throws IOException {
        Path script = Files.writeString(folder.resolve("replies.txt"), "text Hello.\n");

        StubServerMain.Started started = start("--s3", "team", "--script", script.toString());

        assertThat(started.exitCode()).isEqualTo(2);
        assertThat(started.stub()).isNull();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("redux-stub-server: --script scripts the Bedrock"
                + " stub; the S3 stub (--s3) takes none");
    }

    private StubServerMain.Started start(String... args) {
        return StubServerMain.start(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
