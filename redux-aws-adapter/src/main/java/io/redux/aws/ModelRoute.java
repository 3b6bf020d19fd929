package io.redux.aws;

import java.net.URI;

/**
 * Where and how a model is called.
 *
 * @param target             Bedrock Runtime or SageMaker Runtime
 * @param region             the region from the model id (never {@code AWS_REGION})
 * @param endpoint           the endpoint called: the service's regional endpoint, or the router's override
 * @param endpointOverridden whether {@code endpoint} is the router's override
 * @param endpointSetting    what sets the override, as messages name it (the caller's variable, say)
 * @param identifier         what is sent: the Bedrock model id, or the SageMaker endpoint name
 * @param targetVariant      SageMaker only: the production variant to invoke, or null
 * @param inferenceComponent SageMaker only: the inference component to invoke, or null
 */
record ModelRoute(
        ModelTarget target,
        String region,
        URI endpoint,
        boolean endpointOverridden,
        String endpointSetting,
        String identifier,
        String targetVariant,
        String inferenceComponent) {
}
