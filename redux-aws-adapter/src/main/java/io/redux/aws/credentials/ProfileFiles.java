package io.redux.aws.credentials;

import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The shared config and credentials files named by the environment, read once; missing files count as empty. */
final class ProfileFiles {

    private static final List<String> CREDENTIAL_PROPERTIES = List.of(ProfileProperty.AWS_ACCESS_KEY_ID,
            ProfileProperty.ROLE_ARN, "sso_session", ProfileProperty.SSO_START_URL,
            ProfileProperty.CREDENTIAL_PROCESS, ProfileProperty.WEB_IDENTITY_TOKEN_FILE, ProfileProperty.CREDENTIAL_SOURCE);

    private final Path config;
    private final Path credentials;
    private final ProfileFile file;

    ProfileFiles(AwsEnvironment environment) {
        this.config = environment.configFile();
        this.credentials = environment.credentialsFile();
        ProfileFile.Aggregator aggregator = ProfileFile.aggregator();
        if (Files.isRegularFile(config)) {
            aggregator.addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
        }
        if (Files.isRegularFile(credentials)) {
            aggregator.addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
        }
        this.file = aggregator.build();
    }

    ProfileFile file() {
        return file;
    }

    Optional<Profile> profile(String name) {
        return file.profile(name);
    }

    /** Whether the profile says where credentials come from (keys, a role, SSO, a process). */
    static boolean hasCredentials(Profile profile) {
        return CREDENTIAL_PROPERTIES.stream().anyMatch(p -> profile.property(p).isPresent());
    }

    String names() {
        return file.profiles().isEmpty() ? "none" : String.join(", ", file.profiles().keySet());
    }

    String locations() {
        return config + " and " + credentials;
    }
}
