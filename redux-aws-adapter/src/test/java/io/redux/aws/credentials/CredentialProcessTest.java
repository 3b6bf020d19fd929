package io.redux.aws.credentials;

import io.redux.domain.error.CredentialsException;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.port.CredentialOrigin;
import io.redux.testkit.ProcessState;
import io.redux.testkit.stub.StsStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Profiles whose credentials come from a {@code credential_process} command that hangs or misbehaves. */
class CredentialProcessTest {

    private static final String SECRET = "wJalrXUtnFEMIprocessSecretNeverShown";

    @TempDir
    Path home;

    private final StsStub sts = new StsStub();

    @AfterEach
    void close() {
        sts.close();
    }

    @Test
    void aHangingCommandTimesOutNamingTheProfileAndTheCommandAndIsKilledWithItsChildren()
            throws IOException {
        Path childPid = home.resolve("child.pid");
        String command = "sleep 600 & echo $! > " + childPid + "; wait";
        config("[profile slow]", "credential_process = " + command);

        Throwable failure = catchThrowable(() -> resolve("slow", Duration.ofSeconds(1)));

        assertThat(failure).isInstanceOf(CredentialsException.class)
                .hasMessageContaining("'slow'").hasMessageContaining(command).hasMessageContaining("1 s");
        long child = Long.parseLong(Files.readString(childPid).strip());
        assertThat(ProcessState.running(child)).as("the command's child still runs").isFalse();
    }

    @Test
    void malformedOutputNeverCarriesTheSecretIntoTheErrorOrItsCauses() throws IOException {
        // The output in a file: the error names the command, which must not hold the secret itself.
        Path output = Files.writeString(home.resolve("output.json"),
                "{\"Version\": 1, \"AccessKeyId\": \"AKIAPROCESS000000001\", \"SecretAccessKey\": " + SECRET + "}");
        config("[profile tool]", "credential_process = cat " + output);

        Throwable failure = catchThrowable(() -> resolve("tool", AwsCredentialSource.CREDENTIAL_PROCESS_TIMEOUT));

        assertThat(failure).isInstanceOf(CredentialsException.class).hasMessageContaining("'tool'")
                .hasMessageContaining("JSON").hasMessageNotContaining("sso login");
        assertThat(stackTrace(failure)).doesNotContain(SECRET);
    }

    @Test
    void aFailingCommandShowsWhatItSaidOnStderrAndNoSsoAdvice() throws IOException {
        config("[profile tool]", "credential_process = sh -c 'echo \"token expired, run corp-login.\" >&2; exit 3'");

        Throwable failure = catchThrowable(() -> resolve("tool", AwsCredentialSource.CREDENTIAL_PROCESS_TIMEOUT));

        assertThat(failure).isInstanceOf(CredentialsException.class).hasMessageContaining("'tool'")
                .hasMessageContaining("exit code 3").hasMessageContaining("token expired, run corp-login. Run the command yourself")
                .hasMessageNotContaining("sso login");
    }

    @Test
    void outputWithoutASecretKeyIsAnErrorNamingTheMissingField() throws IOException {
        config("[profile tool]",
                "credential_process = printf '{\"Version\": 1, \"AccessKeyId\": \"AKIAPROCESS000000001\"}'");

        Throwable failure = catchThrowable(() -> resolve("tool", AwsCredentialSource.CREDENTIAL_PROCESS_TIMEOUT));

        assertThat(failure).isInstanceOf(CredentialsException.class).hasMessageContaining("SecretAccessKey");
    }

    @Test
    void aFailedResolutionIsRememberedSoASecondCallerDoesNotRunTheCommandAgain() throws IOException {
        Path runs = home.resolve("runs.log");
        config("[profile tool]", "credential_process = echo run >> " + runs + "; exit 1");
        Map<String, String> variables = Map.of("AWS_EC2_METADATA_DISABLED", "true");

        try (AwsCredentialSource source = AwsCredentialSource.builder().environment(new AwsEnvironment(variables, home))
                .profile("tool").build()) {
            Throwable first = catchThrowable(source::resolve);
            Throwable second = catchThrowable(source::identity);

            assertThat(second).isSameAs(first).isInstanceOf(CredentialsException.class);
        }
        assertThat(Files.readAllLines(runs)).hasSize(1);
    }

    @Test
    void theCallersTimeoutSettingIsAskedOnlyWhenACredentialProcessRuns() throws IOException {
        config("[profile tool]", "credential_process = printf '{}'");
        Map<String, String> keys = Map.of("AWS_ACCESS_KEY_ID", "AKIAFAKEFAKEFAKE1234", "AWS_SECRET_ACCESS_KEY", "fake");
        Supplier<Duration> malformed = () -> {
            throw new InvalidInputException("MY_TIMEOUT 'soon' is not a number");
        };

        try (AwsCredentialSource source = AwsCredentialSource.builder().environment(new AwsEnvironment(keys, home))
                .credentialProcessTimeout(malformed, "MY_TIMEOUT").build()) {
            assertThat(source.resolve().origin()).isEqualTo(CredentialOrigin.ENVIRONMENT);
        }
        try (AwsCredentialSource source = AwsCredentialSource.builder().environment(new AwsEnvironment(Map.of(), home))
                .profile("tool").credentialProcessTimeout(malformed, "MY_TIMEOUT").build()) {
            assertThatThrownBy(source::resolve).isInstanceOf(InvalidInputException.class).hasMessageContaining("soon");
        }
    }

    private ResolvedCredentials resolve(String profile, Duration timeout) {
        Map<String, String> variables = Map.of("AWS_ENDPOINT_URL_STS", sts.endpoint().toString(),
                "AWS_EC2_METADATA_DISABLED", "true");
        try (AwsCredentialSource source = AwsCredentialSource.builder().environment(new AwsEnvironment(variables, home))
                .profile(profile).credentialProcessTimeout(timeout).build()) {
            return source.resolve();
        }
    }

    private void config(String... lines) throws IOException {
        Files.writeString(Files.createDirectories(home.resolve(".aws")).resolve("config"),
                String.join("\n", lines) + "\n");
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
