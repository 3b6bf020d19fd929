package io.redux.aws;

import io.redux.aws.http.SdkCredentials;
import io.redux.aws.http.NetworkSettings;
import io.redux.domain.port.CredentialSource;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the model gateways need: credentials, routing (the endpoint of each model), network and retry settings, and
 * who the caller is (asked only to explain an access-denied error).
 *
 * @param credentials an {@code AwsCredentialSource}, or a {@link CredentialSource} that is also an SDK
 *                    {@code AwsCredentialsProvider}; it signs the requests
 */
public record ModelGatewaySettings(
        CredentialSource credentials,
        ModelRouter router,
        NetworkSettings network,
        ResilienceSettings resilience,
        Supplier<String> caller) {

    public ModelGatewaySettings {
        SdkCredentials.of(Objects.requireNonNull(credentials, "credentials"));
        router = router == null ? new ModelRouter() : router;
        network = network == null ? NetworkSettings.DIRECT : network;
        resilience = resilience == null ? ResilienceSettings.DEFAULTS : resilience;
        caller = caller == null ? () -> null : caller;
    }

    /** Connects directly, trusts the JVM's certificates only, and names no caller: see {@link #fromEnvironment}. */
    public static ModelGatewaySettings of(CredentialSource credentials) {
        return new ModelGatewaySettings(credentials, null, null, null, null);
    }

    /**
     * What an application usually wants: the proxies ({@code HTTPS_PROXY}, {@code HTTP_PROXY}, {@code NO_PROXY}) and
     * the extra certificates ({@code AWS_CA_BUNDLE}) of {@code environment}, and the caller's ARN, as
     * {@code credentials} finds it, in access-denied errors.
     */
    public static ModelGatewaySettings fromEnvironment(CredentialSource credentials, Map<String, String> environment) {
        return of(credentials).withNetwork(NetworkSettings.fromEnvironment(environment))
                .withCaller(() -> callerArnOrNull(credentials));
    }


    public ModelGatewaySettings withRouter(ModelRouter value) {
        return new ModelGatewaySettings(credentials, value, network, resilience, caller);
    }

    public ModelGatewaySettings withNetwork(NetworkSettings value) {
        return new ModelGatewaySettings(credentials, router, value, resilience, caller);
    }

    public ModelGatewaySettings withResilience(ResilienceSettings value) {
        return new ModelGatewaySettings(credentials, router, network, value, caller);
    }

    public ModelGatewaySettings withCaller(Supplier<String> value) {
        return new ModelGatewaySettings(credentials, router, network, resilience, value);
    }

    private static String callerArnOrNull(CredentialSource credentials) {
        try {
            return credentials.identity().arn();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
