package io.redux.storage.s3;

import io.redux.aws.http.EndpointUrls;
import io.redux.aws.http.NetworkSettings;
import io.redux.aws.http.SdkCredentials;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.port.CredentialSource;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the S3 store needs: where, who signs, how to reach the endpoint, and the optional KMS key and summary cache.
 *
 * @param location    the bucket and prefix
 * @param credentials an {@code AwsCredentialSource}, or a {@link CredentialSource} that is also an SDK
 *                    {@code AwsCredentialsProvider}: the same chain as model calls (a pod's IRSA role, a profile...)
 * @param network     proxies, extra trusted certificates and timeouts, as for model calls
 * @param endpoint    an S3-compatible endpoint, addressed path-style ({@code http://host:port/bucket/key}); null for
 *                    AWS's own
 * @param region      the region to ask first; the bucket's own region is found by the SDK's cross-region access when
 *                    it differs, so the user never names it; null for us-east-1
 * @param kmsKeyId    the KMS key every write is encrypted with (SSE-KMS), or null for the bucket's default encryption
 * @param cacheFolder the folder of the listing's summary cache, or null for none (every listing reads every object)
 * @param caller      who the caller is (an ARN), asked only to explain an access-denied error; may answer null
 */
public record S3StoreSettings(
        S3Location location,
        CredentialSource credentials,
        NetworkSettings network,
        URI endpoint,
        String region,
        String kmsKeyId,
        Path cacheFolder,
        Supplier<String> caller) {

    /** The variables that name an S3-compatible endpoint, the service's own first, as the AWS SDKs and CLI read them. */
    public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_S3";
    public static final String GENERAL_ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL";

    public S3StoreSettings {
        Objects.requireNonNull(location, "location");
        SdkCredentials.of(Objects.requireNonNull(credentials, "credentials"));
        network = network == null ? NetworkSettings.DIRECT : network;
        caller = caller == null ? () -> null : caller;
        kmsKeyId = kmsKeyId == null || kmsKeyId.isBlank() ? null : kmsKeyId.strip();
    }

    /**
     * The settings an environment gives: proxies and CA bundle ({@code HTTPS_PROXY}, {@code AWS_CA_BUNDLE}...), the
     * endpoint ({@code AWS_ENDPOINT_URL_S3}, else {@code AWS_ENDPOINT_URL}), the first region to ask
     * ({@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}), the summary cache under {@code $XDG_CACHE_HOME/redux/s3}
     * (else {@code <home>/.cache/redux/s3}), the caller's ARN as {@code credentials} finds it; no KMS key.
     */
    public static S3StoreSettings fromEnvironment(S3Location location, CredentialSource credentials,
                                                  Map<String, String> environment, Path userHome) {
        String endpointVariable = variable(environment, ENDPOINT_VARIABLE) != null ? ENDPOINT_VARIABLE
                : GENERAL_ENDPOINT_VARIABLE;
        String endpoint = variable(environment, endpointVariable);
        String region = variable(environment, "AWS_REGION");
        String cacheHome = variable(environment, "XDG_CACHE_HOME");
        Path cache = (cacheHome != null ? Path.of(cacheHome) : userHome.resolve(".cache")).resolve("redux").resolve("s3");
        return new S3StoreSettings(location, credentials, NetworkSettings.fromEnvironment(environment),
                endpoint == null ? null : endpoint(endpointVariable, endpoint),
                region != null ? region : variable(environment, "AWS_DEFAULT_REGION"),
                null, cache, () -> callerArnOrNull(credentials));
    }

    public S3StoreSettings withKmsKeyId(String value) {
        return new S3StoreSettings(location, credentials, network, endpoint, region, value, cacheFolder, caller);
    }

    public S3StoreSettings withCacheFolder(Path value) {
        return new S3StoreSettings(location, credentials, network, endpoint, region, kmsKeyId, value, caller);
    }

    public S3StoreSettings withEndpoint(URI value) {
        return new S3StoreSettings(location, credentials, network, value, region, kmsKeyId, cacheFolder, caller);
    }

    public S3StoreSettings withNetwork(NetworkSettings value) {
        return new S3StoreSettings(location, credentials, value, endpoint, region, kmsKeyId, cacheFolder, caller);
    }

    private static URI endpoint(String variable, String value) {
        URI uri = EndpointUrls.parse(variable, value);
        if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new InvalidInputException(variable + " "
                    + InvalidInputException.quote(EndpointUrls.masked(uri).toString())
                    + " is not an http(s) URL; set it to e.g. http://localhost:9090");
        }
        return uri;
    }

    private static String variable(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String callerArnOrNull(CredentialSource credentials) {
        try {
            return credentials.identity().arn();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
