package io.redux.aws.routing;

import java.net.URI;

/**
 * Where and how a model is called.
 *
 * @param target             Bedrock Runtime or SageMaker Runtime
 * @param region             the region from the model id (never {@code AWS_REGION})
 * @param endpoint           the endpoint called: the service's regional endpoint, or {@code REDUX_ENDPOINT_URL}
 * @param endpointOverridden whether {@code endpoint} came from {@code REDUX_ENDPOINT_URL}
 * @param identifier         what is sent: the Bedrock model id, or the SageMaker endpoint name
 * @param targetVariant      SageMaker only: the production variant to invoke, or null
 * @param inferenceComponent SageMaker only: the inference component to invoke, or null
 */
public record ModelRoute(
        ModelTarget target,
        String region,
        URI endpoint,
        boolean endpointOverridden,
        String identifier,
        String targetVariant,
        String inferenceComponent) {
}
