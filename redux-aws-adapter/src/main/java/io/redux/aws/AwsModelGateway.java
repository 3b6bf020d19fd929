package io.redux.aws;

import io.redux.domain.model.ModelId;
import io.redux.domain.port.ModelGateway;
import io.redux.domain.port.ModelRequest;
import io.redux.domain.port.ModelResponse;
import io.redux.domain.port.ModelRouteDescription;
import io.redux.domain.port.ModelRoutes;
import io.redux.domain.port.ModelStreamListener;

/**
 * The {@link ModelGateway} for any model id: sends each request to Bedrock or SageMaker as {@code ModelRouter}
 * routes it. Each service's gateway (and its HTTP clients) is built on first use. Close it when done.
 *
 * <p>The one way to build it, for the CLI's composition and for embedders alike: {@code new
 * AwsModelGateway(settings)}, the settings saying where the credentials, the network and the endpoint come from.
 */
public final class AwsModelGateway implements ModelGateway, ModelRoutes, AutoCloseable {

    private final ModelGatewaySettings settings;
    private volatile BedrockModelGateway bedrock;
    private volatile SageMakerModelGateway sageMaker;

    public AwsModelGateway(ModelGatewaySettings settings) {
        this.settings = settings;
    }

    @Override
    public ModelRouteDescription describe(ModelId model) {
        return settings.router().describe(model);
    }

    @Override
    public ModelResponse converseStream(ModelRequest request, ModelStreamListener listener) {
        return gatewayFor(request.model()).converseStream(request, listener);
    }

    private synchronized ModelGateway gatewayFor(ModelId model) {
        if (settings.router().route(model).target() == ModelTarget.SAGEMAKER) {
            if (sageMaker == null) {
                sageMaker = new SageMakerModelGateway(settings);
            }
            return sageMaker;
        }
        if (bedrock == null) {
            bedrock = new BedrockModelGateway(settings);
        }
        return bedrock;
    }

    @Override
    public synchronized void close() {
        if (bedrock != null) {
            bedrock.close();
        }
        if (sageMaker != null) {
            sageMaker.close();
        }
    }
}
