package io.redux.aws.credentials;

import io.redux.aws.Closeables;
import io.redux.aws.http.EndpointUrls;
import io.redux.aws.http.NetworkFailure;
import io.redux.aws.http.NetworkSettings;
import io.redux.domain.error.CredentialsException;
import io.redux.domain.port.CallerIdentity;
import io.redux.domain.port.CredentialOrigin;
import io.redux.domain.port.CredentialSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@link CredentialSource} on the AWS SDK for Java v2: resolves the credentials chain once (see {@code CredentialChain}
 * for the order), and the caller's identity once with STS GetCallerIdentity. Every input (environment, home folder,
 * profile, endpoints) is passed in; nothing is read from the process behind the caller's back.
 *
 * <pre>{@code
 * try (AwsCredentialSource credentials = AwsCredentialSource.fromEnvironment(System.getenv(), profileOrNull)) {
 *     CallerIdentity me = credentials.identity();
 * }
 * }</pre>
 */
public final class AwsCredentialSource implements CredentialSource, AwsCredentialsProvider, AutoCloseable {

    public static final Duration METADATA_CONNECT_TIMEOUT = Duration.ofMillis(300);
    public static final Duration METADATA_READ_TIMEOUT = Duration.ofMillis(500);
    /** How long a profile's {@code credential_process} may run before it is killed; other AWS tools wait a minute. */
    public static final Duration CREDENTIAL_PROCESS_TIMEOUT = Duration.ofMinutes(1);

    /** The error codes with which STS turns keys down, beside its 401s and 403s (expired or mis-signed keys: 400s). */
    private static final Set<String> CREDENTIAL_ERRORS = Set.of("InvalidClientTokenId", "SignatureDoesNotMatch",
            "IncompleteSignature", "MissingAuthenticationToken", "ExpiredToken", "ExpiredTokenException",
            "AccessDenied", "RequestExpired");

    private final CredentialChain chain;
    private final Closeables owned = new Closeables();
    private ResolvedCredentials resolved;
    private RuntimeException failure;
    private final Object identityLock = new Object();
    private CallerIdentity identity;

    private AwsCredentialSource(Builder builder) {
        this.chain = new CredentialChain(builder.environment, builder.profile, builder.profileSetting, builder.network,
                new MetadataHttp(METADATA_CONNECT_TIMEOUT, METADATA_READ_TIMEOUT), builder.clock,
                builder.credentialProcessTimeout, builder.credentialProcessTimeoutSetting, owned);
    }

    /**
     * The usual source for a CLI: this environment map, the home folder it gives ({@code HOME}, else
     * {@code user.home}: {@link io.redux.domain.environment.UserHome}), and a profile or null.
     */
    public static AwsCredentialSource fromEnvironment(Map<String, String> environment, String profile) {
        return builder().environment(AwsEnvironment.of(environment))
                .network(NetworkSettings.fromEnvironment(environment)).profile(profile).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Which source won, with its provider. Resolved on first call, then cached; so is a failure (build a new source to
     * try again): the chain may run a {@code credential_process} until its timeout, and the model call and the identity
     * lookup of one chat must not each wait for it.
     *
     * @throws CredentialsException when no source has credentials, or a configured one fails
     */
    public synchronized ResolvedCredentials resolve() {
        if (failure != null) {
            throw failure;
        }
        if (resolved == null) {
            try {
                resolved = chain.resolve();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return resolved;
    }

    /**
     * Fails, reading only the profile files, when the profile this source was given is not there: what
     * {@link #resolve()} would say, before anything is started that the missing profile would only interrupt.
     *
     * @throws CredentialsException when the profile given is missing
     */
    public void requireProfile() {
        chain.requireChosenProfile();
    }

    /**
     * For SDK clients, which sign requests with it: resolves the chain on first use, then asks the winning provider
     * (which refreshes itself).
     */
    @Override
    public AwsCredentials resolveCredentials() {
        return resolve().provider().resolveCredentials();
    }

    /**
     * The variables that give the AWS CLI, run as a child process, this source's identity: {@code AWS_PROFILE} when a
     * profile won (the AWS CLI reads it the same way), otherwise the resolved keys ({@code AWS_ACCESS_KEY_ID},
     * {@code AWS_SECRET_ACCESS_KEY}, and {@code AWS_SESSION_TOKEN} when there is one). For a child's environment
     * only: they hold secrets, never to be printed or stored.
     *
     * @throws CredentialsException when no source has credentials
     */
    public Map<String, String> awsCliVariables() {
        ResolvedCredentials resolved = resolve();
        if (resolved.origin() == CredentialOrigin.PROFILE && resolved.profile() != null) {
            return Map.of("AWS_PROFILE", resolved.profile());
        }
        AwsCredentials keys = resolved.provider().resolveCredentials();
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("AWS_ACCESS_KEY_ID", keys.accessKeyId());
        variables.put("AWS_SECRET_ACCESS_KEY", keys.secretAccessKey());
        if (keys instanceof AwsSessionCredentials session) {
            variables.put("AWS_SESSION_TOKEN", session.sessionToken());
        }
        return variables;
    }

    @Override
    public String toString() {
        return "AwsCredentialSource";
    }

    /**
     * Holds its own lock, not this object's, so SDK clients resolving credentials through {@link #resolve()} never
     * wait for an STS call in flight (the CLI looks the identity up while the first answer streams).
     */
    @Override
    public CallerIdentity identity() {
        ResolvedCredentials credentials = resolve();
        synchronized (identityLock) {
            if (identity == null) {
                GetCallerIdentityResponse caller = callerIdentity(credentials);
                identity = new CallerIdentity(credentials.origin(), credentials.profile(), caller.account(),
                        caller.arn(), credentials.region(), credentials.maskedAccessKeyId());
            }
            return identity;
        }
    }

    /** The caller's ARN for error messages, or null when it cannot be found out. Never throws. */
    public String callerArnOrNull() {
        try {
            return identity().arn();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private GetCallerIdentityResponse callerIdentity(ResolvedCredentials credentials) {
        StsClient sts = chain.stsClient(credentials.region(), credentials.provider());
        try {
            return sts.getCallerIdentity();
        } catch (AwsServiceException e) {
            if (rejectsTheCredentials(e)) {
                throw new CredentialsException("AWS rejected the credentials from " + describe(credentials) + ": "
                        + sentence(e) + " Refresh them (e.g. 'aws sso login') or pick another profile.", e);
            }
            // Not STS's verdict on the keys: an endpoint that is not STS (a 404), or STS in trouble (a 5xx).
            URI endpoint = chain.stsEndpoint(credentials.region());
            throw new CredentialsException("STS at " + EndpointUrls.masked(endpoint) + " answered HTTP "
                    + e.statusCode() + " to the identity lookup of the " + source(credentials) + " credentials ("
                    + credentials.maskedAccessKeyId() + "), " + said(e) + ". "
                    + (e.statusCode() >= 500 || e.isThrottlingException() ? "Try again later, or check" : "Check")
                    + " AWS_ENDPOINT_URL_STS if you set it.", e);
        } catch (RuntimeException e) {
            URI endpoint = chain.stsEndpoint(credentials.region());
            String purpose = " to look up the identity of the " + source(credentials) + " credentials ("
                    + credentials.maskedAccessKeyId() + ")";
            throw new CredentialsException(NetworkFailure.of(e, endpoint, chain.network())
                    .map(failure -> failure.sentence("STS", endpoint, purpose, "AWS_ENDPOINT_URL_STS"))
                    .orElseGet(() -> "Cannot ask STS at " + EndpointUrls.masked(endpoint) + purpose + ": " + e.getMessage()
                            + " Check AWS_ENDPOINT_URL_STS if you set it."), e);
        }
    }

    /**
     * Whether STS turned the keys down (unknown, expired, badly signed, not allowed), as opposed to failing the call:
     * a 401 or 403, or one of the credential errors STS answers with a 400.
     */
    private static boolean rejectsTheCredentials(AwsServiceException e) {
        String code = errorCode(e);
        return e.statusCode() == 401 || e.statusCode() == 403 || (code != null && CREDENTIAL_ERRORS.contains(code));
    }

    /** What an error answer said, as a clause: its code and message, whichever it has, or that it had none. */
    private static String said(AwsServiceException e) {
        String text = String.join(": ", Stream.of(errorCode(e), errorMessage(e)).filter(Objects::nonNull).toList());
        return text.isEmpty() ? "with no error message" : "saying " + text;
    }

    /** What an error answer said, as a sentence: its message, else its code, else its HTTP status. */
    private static String sentence(AwsServiceException e) {
        return Objects.requireNonNullElse(errorMessage(e), Objects.requireNonNullElse(errorCode(e),
                "HTTP " + e.statusCode())) + ".";
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : trimmed(e.awsErrorDetails().errorCode());
    }

    private static String errorMessage(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : trimmed(e.awsErrorDetails().errorMessage());
    }

    /** {@code text} without surrounding blanks or a final full stop; null when there is nothing. */
    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip().replaceAll("\\.$", "");
    }

    private static String describe(ResolvedCredentials credentials) {
        return source(credentials) + " (" + credentials.maskedAccessKeyId() + ")";
    }

    /** Where the credentials came from, as whoami names it: "environment", "profile 'dev'". */
    private static String source(ResolvedCredentials credentials) {
        return credentials.origin().displayName() + (credentials.profile() == null ? "" : " '" + credentials.profile() + "'");
    }

    /** Synchronized with {@link #resolve()}, so what a resolve in flight builds is closed too, not left open. */
    @Override
    public synchronized void close() {
        owned.close();
    }

    public static final class Builder {
        private AwsEnvironment environment = AwsEnvironment.current();
        private String profile;
        private NetworkSettings network = NetworkSettings.DIRECT;
        private Clock clock = Clock.systemUTC();
        private String profileSetting;
        private Supplier<Duration> credentialProcessTimeout;
        private String credentialProcessTimeoutSetting;

        private Builder() {
        }

        /** The environment variables and home folder the chain sees (endpoints such as AWS_ENDPOINT_URL_STS included). */
        public Builder environment(AwsEnvironment value) {
            environment = value;
            return this;
        }

        /** The profile to use: wins over AWS_PROFILE and over environment keys; null for none. */
        public Builder profile(String value) {
            profile = value;
            return this;
        }

        /**
         * The profile to use, and how the application's user chooses one (such as an option {@code --profile}):
         * errors name it where they tell the user what to do.
         */
        public Builder profile(String value, String setting) {
            profileSetting = setting;
            return profile(value);
        }

        /** Proxies and CA bundle for STS calls. */
        public Builder network(NetworkSettings value) {
            network = value;
            return this;
        }

        /**
         * How long a profile's {@code credential_process} may run before it and its children are killed; by default
         * {@link #CREDENTIAL_PROCESS_TIMEOUT}.
         */
        public Builder credentialProcessTimeout(Duration value) {
            credentialProcessTimeout = () -> value;
            return this;
        }

        /**
         * Like {@link #credentialProcessTimeout(Duration)}, from the application's own setting: {@code value} is asked
         * only when a {@code credential_process} runs (a malformed setting fails nothing that does not need it; it
         * returns null for the default), and {@code setting} is named when the timeout runs out.
         */
        public Builder credentialProcessTimeout(Supplier<Duration> value, String setting) {
            credentialProcessTimeout = value;
            credentialProcessTimeoutSetting = setting;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public AwsCredentialSource build() {
            return new AwsCredentialSource(this);
        }
    }
}
