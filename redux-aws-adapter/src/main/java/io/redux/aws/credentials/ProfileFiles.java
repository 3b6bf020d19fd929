package io.redux.aws.credentials;

import io.redux.domain.error.CredentialsException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The shared config and credentials files named by the environment, read once; missing files count as empty. */
final class ProfileFiles {

    private static final List<String> CREDENTIAL_PROPERTIES = List.of(ProfileProperty.AWS_ACCESS_KEY_ID,
            ProfileProperty.ROLE_ARN, "sso_session", ProfileProperty.SSO_START_URL,
            ProfileProperty.CREDENTIAL_PROCESS, ProfileProperty.WEB_IDENTITY_TOKEN_FILE, ProfileProperty.CREDENTIAL_SOURCE);

    private static final List<String> SSO_PROPERTIES = List.of("sso_session", ProfileProperty.SSO_START_URL,
            ProfileProperty.SSO_ACCOUNT_ID, ProfileProperty.SSO_ROLE_NAME, ProfileProperty.SSO_REGION);

    private final Path config;
    private final Path credentials;
    private final ProfileFile file;

    ProfileFiles(AwsEnvironment environment) {
        this.config = environment.configFile();
        this.credentials = environment.credentialsFile();
        ProfileFile.Aggregator aggregator = ProfileFile.aggregator();
        if (Files.isRegularFile(config)) {
            aggregator.addFile(parse(config, ProfileFile.Type.CONFIGURATION, "AWS_CONFIG_FILE"));
        }
        if (Files.isRegularFile(credentials)) {
            aggregator.addFile(parse(credentials, ProfileFile.Type.CREDENTIALS, "AWS_SHARED_CREDENTIALS_FILE"));
        }
        this.file = aggregator.build();
    }

    /**
     * The SDK's parser says what is wrong and on which line, but not in which file. Its message is kept and its
     * exception dropped: the message never quotes the line (which may hold a secret key), and that is the guarantee
     * worth keeping for {@code --debug} too.
     */
    private static ProfileFile parse(Path path, ProfileFile.Type type, String variable) {
        try {
            return ProfileFile.builder().content(path).type(type).build();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new CredentialsException("Cannot read the AWS " + (type == ProfileFile.Type.CONFIGURATION ? "config"
                    : "credentials") + " file " + path + ": " + e.getMessage() + ". Fix the file, or point " + variable
                    + " at another one.");
        }
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

    /**
     * The profile's {@code credential_process} command when that is where its credentials come from: the SDK reads
     * a role or an SSO session first, so a profile with either is not a process profile.
     */
    static Optional<String> credentialProcess(Profile profile) {
        if (profile.property(ProfileProperty.ROLE_ARN).isPresent() || isSso(profile)) {
            return Optional.empty();
        }
        return profile.property(ProfileProperty.CREDENTIAL_PROCESS);
    }

    /** Whether the profile's credentials come from IAM Identity Center, so 'aws sso login' is the fix. */
    static boolean isSso(Profile profile) {
        return SSO_PROPERTIES.stream().anyMatch(p -> profile.property(p).isPresent());
    }

    String names() {
        return file.profiles().isEmpty() ? "none" : String.join(", ", file.profiles().keySet());
    }

    String locations() {
        return config + " and " + credentials;
    }
}
