package io.redux.cli.process;

import io.redux.cli.process.CliProcess.Result;
import io.redux.testkit.stub.RawAnswerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user sees when the network or the endpoint is wrong: one line on stderr naming what was called and what
 * to check, and nothing from the libraries underneath (Netty, the AWS SDK) unless --debug asks for more.
 */
class NetworkErrorsIT {

    @TempDir
    Path home;

    private CliProcess cli() {
        return CliProcess.launcher().home(home).in(home).env("REDUX_CONVERSATIONS_DIR", home.resolve("c").toString());
    }

    @Test
    void anEndpointAnsweringBytesThatAreNotHttpIsOneLineWithoutLibraryLogging() {
        try (RawAnswerStub garbage = new RawAnswerStub("\u0000\u0001\u0002hello, this is not HTTP\r\n\r\n")) {
            Result result = cli().chatAgainst(garbage.endpoint()).run("chat", "hello");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo("redux_cli: Cannot talk to Bedrock at " + garbage.endpoint()
                    + ": its answer is not HTTP. Check that REDUX_ENDPOINT_URL, if you set it, and HTTPS_PROXY point"
                    + " where they should." + System.lineSeparator());
        }
    }

    @Test
    void anUnknownHostIsOneLineNamingTheHost() {
        Result result = cli().chatAgainst(java.net.URI.create("http://no-such-host.invalid:8999")).run("chat", "hello");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("redux_cli: Cannot reach Bedrock at http://no-such-host.invalid:8999:"
                + " unknown host no-such-host.invalid.").hasLineCount(1);
    }

    @Test
    void whoamiWithStsOnARefusedPortNamesTheSourceTheEndpointAndTheVariable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Result result = cli().env("AWS_ACCESS_KEY_ID", "AKIAFAKEFAKEFAKE1234").env("AWS_SECRET_ACCESS_KEY", "fake")
                .env("AWS_EC2_METADATA_DISABLED", "true")
                .env("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:" + closedPort).run("whoami");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("redux_cli: Cannot reach STS at http://127.0.0.1:" + closedPort
                        + " to look up the identity of the environment credentials (AKIA************1234): ")
                .contains("refused the connection", "AWS_ENDPOINT_URL_STS").doesNotContain("See cause")
                .hasLineCount(1);
    }

    @Test
    void debugShowsTheStackTraceOfTheFailure() {
        try (RawAnswerStub garbage = new RawAnswerStub("\u0000\u0001\u0002hello, this is not HTTP\r\n\r\n")) {
            Result result = cli().chatAgainst(garbage.endpoint()).run("--debug", "chat", "hello");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).contains("\tat io.redux.", "redux_cli: Cannot talk to Bedrock at "
                    + garbage.endpoint() + ": its answer is not HTTP.");
        }
    }

    @Test
    void aPasswordInTheEndpointUrlIsNeverShown() throws IOException {
        String endpoint = "http://user:s3cretPW@127.0.0.1:" + closedPort();
        String masked = endpoint.replace("user:s3cretPW", "***");

        Result describe = cli().chatAgainst(java.net.URI.create(endpoint))
                .run("models", "describe", "custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0");
        Result chat = cli().chatAgainst(java.net.URI.create(endpoint)).run("--debug", "chat", "hello");

        assertThat(describe.stdout()).contains(masked + " (from REDUX_ENDPOINT_URL)");
        assertThat(chat.exitCode()).isEqualTo(1);
        assertThat(chat.stderr()).contains("Cannot reach Bedrock at " + masked + ":");
        assertThat(describe.stdout() + describe.stderr() + chat.stdout() + chat.stderr()).doesNotContain("s3cretPW");
    }

    @Test
    void aProxyThatRefusesIsNamedNotTheEndpoint() throws IOException {
        int closedPort = closedPort();
        Result result = cli().chatAgainst(java.net.URI.create("https://bedrock.example.com"))
                .env("HTTPS_PROXY", "http://127.0.0.1:" + closedPort).run("chat", "hello");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("redux_cli: Cannot reach Bedrock at https://bedrock.example.com: the proxy"
                + " 127.0.0.1:" + closedPort + " from HTTPS_PROXY refused the connection").doesNotContain("port 443")
                .contains("Check that the proxy is up and HTTPS_PROXY is right").hasLineCount(1);
    }

    @Test
    void whoamiThroughARefusingProxyNamesTheProxy() throws IOException {
        int closedPort = closedPort();
        Result result = cli().env("AWS_ACCESS_KEY_ID", "AKIAFAKEFAKEFAKE1234").env("AWS_SECRET_ACCESS_KEY", "fake")
                .env("AWS_EC2_METADATA_DISABLED", "true").env("AWS_ENDPOINT_URL_STS", "https://sts.example.com")
                .env("HTTPS_PROXY", "http://127.0.0.1:" + closedPort).run("whoami");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("redux_cli: Cannot reach STS at https://sts.example.com to look up the"
                + " identity of the environment credentials (AKIA************1234): the proxy 127.0.0.1:" + closedPort
                + " from HTTPS_PROXY refused the connection").hasLineCount(1);
    }

    @Test
    void anUnknownProxyHostIsNamedAsTheProxy() {
        Result result = cli().chatAgainst(java.net.URI.create("https://bedrock.example.com"))
                .env("HTTPS_PROXY", "http://no-such-proxy.invalid:3128").run("chat", "hello");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("redux_cli: Cannot reach Bedrock at https://bedrock.example.com: unknown"
                + " host no-such-proxy.invalid (the proxy from HTTPS_PROXY).").hasLineCount(1);
    }

    @Test
    void aFailedFirstTurnLeavesNoFileInTheConversationsFolder() throws IOException {
        Result result = cli().chatAgainst(java.net.URI.create("http://127.0.0.1:" + closedPort())).run("chat", "hello");

        assertThat(result.exitCode()).isEqualTo(1);
        try (java.util.stream.Stream<Path> left = java.nio.file.Files.list(home.resolve("c"))) {
            assertThat(left).as("neither the conversation nor its lock file")
                    .noneMatch(file -> file.getFileName().toString().contains(".json")
                            || file.getFileName().toString().endsWith(".lock"));
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
