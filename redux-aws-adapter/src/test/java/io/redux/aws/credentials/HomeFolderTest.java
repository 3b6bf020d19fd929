package io.redux.aws.credentials;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The credentials chain reads ~/.aws under HOME as the shell has it, as the CLI and the AWS SDK do. */
class HomeFolderTest {

    @TempDir
    Path home;

    @Test
    void fromEnvironmentReadsTheProfilesUnderTheEnvironmentsHome() throws IOException {
        Path aws = Files.createDirectories(home.resolve(".aws"));
        Files.writeString(aws.resolve("credentials"),
                "[dev]\naws_access_key_id = AKIADEVPROFILE000001\naws_secret_access_key = dev-secret\n");
        Files.writeString(aws.resolve("config"), "[profile dev]\nregion = ap-southeast-1\n");
        Map<String, String> environment = Map.of("HOME", home.toString(), "AWS_EC2_METADATA_DISABLED", "true");

        try (AwsCredentialSource source = AwsCredentialSource.fromEnvironment(environment, "dev")) {
            ResolvedCredentials resolved = source.resolve();

            assertThat(resolved.profile()).isEqualTo("dev");
            assertThat(resolved.region()).isEqualTo("ap-southeast-1");
        }
    }
}
