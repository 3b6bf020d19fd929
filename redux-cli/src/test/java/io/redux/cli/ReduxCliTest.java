package io.redux.cli;

import io.redux.testkit.stub.BedrockRuntimeStub;
import io.redux.testkit.stub.StsStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A command run in this JVM, as an embedding tool would run it, against the testkit's stubs. */
class ReduxCliTest {

    @Test
    void aChatLeavesNoEventLoopRunningWhenItReturns(@TempDir Path home) throws Exception {
        try (BedrockRuntimeStub bedrock = new BedrockRuntimeStub();
             StsStub sts = new StsStub().identity("AKIAFAKEFAKEFAKE1234", "123456789012",
                     "arn:aws:iam::123456789012:user/test")) {
            StringWriter out = new StringWriter();
            CliEnvironment environment = new CliEnvironment(Map.of(
                    "REDUX_ENDPOINT_URL", bedrock.endpoint().toString(),
                    "AWS_ENDPOINT_URL_STS", sts.endpoint().toString(),
                    "AWS_ACCESS_KEY_ID", "AKIAFAKEFAKEFAKE1234", "AWS_SECRET_ACCESS_KEY", "fake-secret",
                    "AWS_EC2_METADATA_DISABLED", "true"),
                    home, home, InputStream.nullInputStream(), new PrintWriter(out, true),
                    new PrintWriter(new StringWriter(), true), false);

            int exit = ReduxCli.execute(environment, "chat", "hello");

            assertThat(exit).isZero();
            assertThat(out.toString()).contains("hello");
            // A loop left running would sit in native code, and the JVM's exit waits 300 ms for such a thread.
            assertThat(Thread.getAllStackTraces().keySet())
                    .noneMatch(thread -> thread.getName().equals("redux-aws-netty") && thread.isAlive());
        }
    }

    @Test
    void helpBuildsNoStorageNorAws(@TempDir Path home) {
        // Building the storage would fail on this folder (no path holds a NUL), and so would the help if it built it.
        for (String[] args : new String[][] {{"--help"}, {"chat", "--help"}, {"conversations", "list", "--help"}}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CliEnvironment environment = new CliEnvironment(Map.of("REDUX_CONVERSATIONS_DIR", "no\0folder",
                    "REDUX_ENDPOINT_URL", "not a url", "REDUX_READ_TIMEOUT", "soon"), home, home,
                    InputStream.nullInputStream(), new PrintWriter(out, true), new PrintWriter(err, true), false);

            int exit = ReduxCli.execute(environment, args);

            assertThat(exit).as(String.join(" ", args)).isZero();
            assertThat(out.toString()).contains("Usage:");
            assertThat(err.toString()).isEmpty();
        }
    }
}
