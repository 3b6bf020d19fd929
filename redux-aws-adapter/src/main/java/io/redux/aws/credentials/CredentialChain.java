package io.redux.aws.credentials;

import io.redux.aws.Closeables;
import io.redux.aws.http.HttpClients;
import io.redux.aws.http.NetworkSettings;
import io.redux.domain.error.CredentialsException;
import io.redux.domain.port.CredentialOrigin;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleWithWebIdentityCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.Optional;

/**
 * The credentials chain, in this order: environment, profile, web identity (IRSA), container (ECS
 * task role, only when its variables are set), EC2 instance metadata (IMDSv2).
 *
 * <p>A source that is configured but broken is an error naming it, not a fall-through: a user who set a profile or
 * a token file must not silently run as another identity. An explicit profile (the CLI's {@code --profile}) wins even over environment
 * keys, as in the AWS CLI; {@code AWS_PROFILE} does not.
 */
final class CredentialChain {

    static final String DEFAULT_PROFILE = "default";

    private final AwsEnvironment environment;
    private final String cliProfile;
    private final String profileSetting;
    private final NetworkSettings network;
    private final MetadataHttp metadata;
    private final Clock clock;
    private final Supplier<Duration> credentialProcessTimeout;
    private final String credentialProcessTimeoutSetting;
    private final Closeables owned;
    /** Read on first need, then kept: the start-up check of the profile and the resolve that follows read them once. */
    private ProfileFiles profileFiles;

    /**
     * @param profileSetting                  how the caller's user names {@code cliProfile} (an option, say), or null
     * @param credentialProcessTimeout        asked only when a {@code credential_process} runs; null for the default
     * @param credentialProcessTimeoutSetting how the caller's user sets that timeout, or null
     */
    CredentialChain(AwsEnvironment environment, String cliProfile, String profileSetting, NetworkSettings network,
                    MetadataHttp metadata, Clock clock, Supplier<Duration> credentialProcessTimeout,
                    String credentialProcessTimeoutSetting, Closeables owned) {
        this.environment = environment;
        this.cliProfile = cliProfile == null || cliProfile.isBlank() ? null : cliProfile.strip();
        this.profileSetting = profileSetting;
        this.credentialProcessTimeoutSetting = credentialProcessTimeoutSetting;
        this.network = network;
        this.metadata = metadata;
        this.clock = clock;
        this.credentialProcessTimeout = credentialProcessTimeout;
        this.owned = owned;
    }

    ResolvedCredentials resolve() {
        ProfileFiles profiles = profileFiles();
        String profileName = cliProfile != null ? cliProfile : environment.get("AWS_PROFILE");
        String region = region(profiles, profileName == null ? DEFAULT_PROFILE : profileName);
        List<String> tried = new ArrayList<>();

        if (cliProfile == null) {
            if (environment.has("AWS_ACCESS_KEY_ID") && environment.has("AWS_SECRET_ACCESS_KEY")) {
                return found(CredentialOrigin.ENVIRONMENT, null, region, StaticCredentialsProvider.create(fromEnvironment()));
            }
            tried.add("environment (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY not set)");
        }

        Optional<ResolvedCredentials> profile = profile(profiles, profileName, region, tried);
        if (profile.isPresent()) {
            return profile.get();
        }

        if (environment.has("AWS_WEB_IDENTITY_TOKEN_FILE") && environment.has("AWS_ROLE_ARN")) {
            return configured(CredentialOrigin.WEB_IDENTITY, region, webIdentity(region),
                    "web identity (AWS_ROLE_ARN " + environment.get("AWS_ROLE_ARN") + ")");
        }
        tried.add("web identity (AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN not set)");

        // Inside ECS the task role comes before the instance role: a task must never run with its host's broader role.
        if (ContainerCredentialsProvider.configured(environment)) {
            return configured(CredentialOrigin.CONTAINER, region,
                    new ContainerCredentialsProvider(environment, metadata, clock), "the container credentials endpoint");
        }
        tried.add("container (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI / _FULL_URI not set)");

        if (!environment.imdsDisabled()) {
            InstanceMetadataCredentialsProvider imds =
                    new InstanceMetadataCredentialsProvider(environment.imdsEndpoint(), metadata, clock);
            try {
                return found(CredentialOrigin.INSTANCE_METADATA, null, region, imds);
            } catch (RuntimeException e) {
                tried.add("instance metadata (" + e.getMessage() + ")");
            }
        } else {
            tried.add("instance metadata (AWS_EC2_METADATA_DISABLED=true)");
        }
        throw new CredentialsException("No AWS credentials found. Tried: " + String.join("; ", tried)
                + ". Fix: run 'aws configure' or 'aws sso login --profile NAME'"
                + (profileSetting == null ? "" : " and pass " + profileSetting + " NAME") + ","
                + " or set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.");
    }

    /**
     * Fails as {@link #resolve()} would when the profile chosen explicitly is not in the profile files; reads only
     * those files, so a caller can check it before starting anything.
     */
    void requireChosenProfile() {
        if (cliProfile != null) {
            ProfileFiles profiles = profileFiles();
            if (profiles.profile(cliProfile).isEmpty()) {
                throw missingProfile(profiles, cliProfile, profileOrigin());
            }
        }
    }

    /** Where the name of the profile asked for came from, as messages add it: " (from --profile)", or "". */
    private String profileOrigin() {
        return cliProfile == null ? " (from AWS_PROFILE)" : profileSetting == null ? "" : " (from " + profileSetting + ")";
    }

    private synchronized ProfileFiles profileFiles() {
        if (profileFiles == null) {
            profileFiles = new ProfileFiles(environment);
        }
        return profileFiles;
    }

    private static CredentialsException missingProfile(ProfileFiles profiles, String requested, String from) {
        return new CredentialsException("The AWS profile '" + requested + "'" + from + " is not in "
                + profiles.locations() + ". Profiles there: " + profiles.names()
                + ". Fix the name, or create it with 'aws configure --profile " + requested + "'.");
    }

    private Optional<ResolvedCredentials> profile(ProfileFiles profiles, String name, String region, List<String> tried) {
        String requested = name == null ? DEFAULT_PROFILE : name;
        String from = profileOrigin();
        Optional<Profile> profile = profiles.profile(requested);
        if (profile.isEmpty()) {
            if (name != null) {
                throw missingProfile(profiles, requested, from);
            }
            tried.add("profile (no 'default' profile in " + profiles.locations() + ")");
            return Optional.empty();
        }
        if (!ProfileFiles.hasCredentials(profile.get())) {
            if (name != null) {
                throw new CredentialsException("The AWS profile '" + requested + "'" + from + " has no"
                        + " credentials: set aws_access_key_id, role_arn, sso_session or credential_process in it.");
            }
            tried.add("profile ('default' has no credentials)");
            return Optional.empty();
        }
        AwsCredentialsProvider provider = ProfileFiles.credentialProcess(profile.get())
                .<AwsCredentialsProvider>map(command -> new CredentialProcessProvider(requested, command,
                        credentialProcessTimeout(), credentialProcessTimeoutSetting, clock))
                .orElseGet(() -> owned.own(ProfileCredentialsProvider.builder()
                        .profileFile(profiles.file()).profileName(requested).build()));
        try {
            return Optional.of(found(CredentialOrigin.PROFILE, requested, region, provider));
        } catch (CredentialsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CredentialsException("The AWS profile '" + requested + "' could not give credentials: "
                    + e.getMessage() + (ProfileFiles.isSso(profile.get())
                    ? " Run 'aws sso login --profile " + requested + "'." : ""), e);
        }
    }

    /** A source whose variables are set: if it fails, that is the error, not a reason to try the next. */
    private ResolvedCredentials configured(CredentialOrigin origin, String region, AwsCredentialsProvider provider,
                                           String description) {
        try {
            return found(origin, null, region, provider);
        } catch (CredentialsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CredentialsException("No credentials from " + description + ": " + e.getMessage(), e);
        }
    }

    /** Given by the embedder (asked only now, so a malformed setting fails only a chain that needs it), else the minute other AWS tools wait. */
    private Duration credentialProcessTimeout() {
        Duration given = credentialProcessTimeout == null ? null : credentialProcessTimeout.get();
        return given != null ? given : AwsCredentialSource.CREDENTIAL_PROCESS_TIMEOUT;
    }

    private AwsCredentials fromEnvironment() {
        String keyId = environment.get("AWS_ACCESS_KEY_ID");
        String secret = environment.get("AWS_SECRET_ACCESS_KEY");
        String token = environment.get("AWS_SESSION_TOKEN");
        return token == null ? AwsBasicCredentials.create(keyId, secret) : AwsSessionCredentials.create(keyId, secret, token);
    }

    private AwsCredentialsProvider webIdentity(String region) {
        Path tokenFile = Path.of(environment.get("AWS_WEB_IDENTITY_TOKEN_FILE"));
        String roleArn = environment.get("AWS_ROLE_ARN");
        String sessionName = environment.has("AWS_ROLE_SESSION_NAME") ? environment.get("AWS_ROLE_SESSION_NAME")
                : "redux-" + clock.millis();
        StsClient sts = stsClient(region, AnonymousCredentialsProvider.create());
        StsAssumeRoleWithWebIdentityCredentialsProvider provider = StsAssumeRoleWithWebIdentityCredentialsProvider.builder()
                .stsClient(sts)
                .asyncCredentialUpdateEnabled(false)
                .refreshRequest(() -> AssumeRoleWithWebIdentityRequest.builder().roleArn(roleArn)
                        .roleSessionName(sessionName).webIdentityToken(read(tokenFile)).build())
                .build();
        return owned.own(provider);
    }

    /** A sync STS client honouring {@code AWS_ENDPOINT_URL_STS}; used for web identity and for the caller identity. */
    StsClient stsClient(String region, AwsCredentialsProvider credentials) {
        URI override = environment.stsEndpoint();
        Region stsRegion = stsRegion(region);
        URI endpoint = stsEndpoint(region);
        var builder = StsClient.builder().region(stsRegion).credentialsProvider(credentials)
                .httpClient(owned.own(HttpClients.sync(network, endpoint)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (override != null) {
            builder.endpointOverride(override);
        }
        return owned.own(builder.build());
    }

    /** The network settings every call of this chain goes out with. */
    NetworkSettings network() {
        return network;
    }

    /** Where STS calls for {@code region} go: {@code AWS_ENDPOINT_URL_STS}, else the region's STS endpoint. */
    URI stsEndpoint(String region) {
        URI override = environment.stsEndpoint();
        return override != null ? override : URI.create("https://sts." + stsRegion(region).id() + ".amazonaws.com");
    }

    private static Region stsRegion(String region) {
        return Region.of(region == null ? "us-east-1" : region);
    }

    private ResolvedCredentials found(CredentialOrigin origin, String profile, String region, AwsCredentialsProvider provider) {
        AwsCredentials credentials = provider.resolveCredentials();
        return new ResolvedCredentials(origin, profile, region, AccessKeyIds.mask(credentials.accessKeyId()), provider);
    }

    private String region(ProfileFiles profiles, String profileName) {
        if (environment.region() != null) {
            return environment.region();
        }
        return profiles.profile(profileName).flatMap(p -> p.property(ProfileProperty.REGION)).orElse(null);
    }

    private static String read(Path tokenFile) {
        try {
            return Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read AWS_WEB_IDENTITY_TOKEN_FILE " + tokenFile, e);
        }
    }
}
