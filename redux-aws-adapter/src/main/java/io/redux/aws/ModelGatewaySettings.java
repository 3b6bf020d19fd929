package io.redux.aws;

import io.redux.aws.http.NetworkSettings;
import io.redux.aws.resilience.ResilienceSettings;
import io.redux.aws.routing.ModelRouter;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the model gateways need: credentials, routing (with {@code REDUX_ENDPOINT_URL}), network and retry settings,
 * and who the caller is (asked only to explain an access-denied error).
 */
public record ModelGatewaySettings(
        AwsCredentialsProvider credentials,
        ModelRouter router,
        NetworkSettings network,
        ResilienceSettings resilience,
        Supplier<String> caller) {

    public ModelGatewaySettings {
        Objects.requireNonNull(credentials, "credentials");
        router = router == null ? new ModelRouter() : router;
        network = network == null ? NetworkSettings.DIRECT : network;
        resilience = resilience == null ? ResilienceSettings.DEFAULTS : resilience;
        caller = caller == null ? () -> null : caller;
    }

    public static ModelGatewaySettings of(AwsCredentialsProvider credentials) {
        return new ModelGatewaySettings(credentials, null, null, null, null);
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
}
