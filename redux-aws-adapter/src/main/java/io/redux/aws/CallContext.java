package io.redux.aws;

import io.redux.aws.http.EndpointUrls;
import io.redux.aws.http.NetworkSettings;
import io.redux.domain.model.ModelId;

import java.util.function.Supplier;

/**
 * What a model call was about, for error messages a user can act on.
 *
 * @param target    the service called
 * @param model     the model id as the user wrote it
 * @param identifier what was sent (Bedrock model id, SageMaker endpoint)
 * @param region    the region called
 * @param endpoint  the endpoint called, as messages show it (a password in it masked)
 * @param endpointSetting what may have set {@code endpoint}, as messages name it
 * @param network   the network settings of the call (its proxy, if any)
 * @param caller    who is calling (an ARN), asked only when an error needs it
 */
record CallContext(ModelTarget target, String model, String identifier, String region, String endpoint,
                          String endpointSetting, NetworkSettings network, Supplier<String> caller) {

    /** The context of calling {@code route} for {@code model} with {@code settings}. */
    public static CallContext of(ModelId model, ModelRoute route, ModelGatewaySettings settings) {
        return new CallContext(route.target(), model.toString(), route.identifier(), route.region(),
                EndpointUrls.masked(route.endpoint()).toString(), route.endpointSetting(), settings.network(), settings.caller());
    }

    /** The service's name as messages show it: "Bedrock", "SageMaker". */
    public String service() {
        return target.displayName();
    }
}
