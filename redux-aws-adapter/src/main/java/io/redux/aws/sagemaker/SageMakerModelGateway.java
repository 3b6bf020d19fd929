package io.redux.aws.sagemaker;

import io.redux.aws.ModelGatewaySettings;
import io.redux.aws.http.RegionalClients;
import io.redux.aws.bedrock.AnswerCollector;
import io.redux.aws.resilience.AwsErrorTranslator;
import io.redux.aws.resilience.CallContext;
import io.redux.aws.resilience.ResilientInvoker;
import io.redux.aws.routing.ModelRoute;
import io.redux.aws.routing.ModelTarget;
import io.redux.domain.port.ModelGateway;
import io.redux.domain.port.ModelRequest;
import io.redux.domain.port.ModelResponse;
import io.redux.domain.port.ModelStreamListener;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamResponseHandler;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link ModelGateway} on a SageMaker endpoint: InvokeEndpointWithResponseStream for {@link #converseStream},
 * InvokeEndpoint for {@link #converse}. The version of the model id picks the target variant or inference component
 * (see {@code ModelRouter}); the payload is {@link OpenAiChatFormat} unless another {@link ChatPayloadFormat} is given.
 */
public final class SageMakerModelGateway implements ModelGateway, AutoCloseable {

    private final ModelGatewaySettings settings;
    private final ChatPayloadFormat format;
    private final RegionalClients clients;
    private final ResilientInvoker invoker;

    public SageMakerModelGateway(ModelGatewaySettings settings) {
        this(settings, new OpenAiChatFormat());
    }

    public SageMakerModelGateway(ModelGatewaySettings settings, ChatPayloadFormat format) {
        this.settings = settings;
        this.format = format;
        this.clients = new RegionalClients(settings);
        this.invoker = new ResilientInvoker(settings.resilience());
    }

    @Override
    public ModelResponse converse(ModelRequest request) {
        ModelRoute route = route(request);
        CallContext context = context(request, route);
        InvokeEndpointRequest call = InvokeEndpointRequest.builder()
                .endpointName(route.identifier())
                .targetVariant(route.targetVariant())
                .inferenceComponentName(route.inferenceComponent())
                .contentType(format.contentType())
                .accept("application/json")
                .body(SdkBytes.fromByteArray(format.request(request, false)))
                .build();
        return invoker.invoke(context, () -> {
            try {
                return format.response(clients.sync(SageMakerRuntimeClient.class, route, SageMakerRuntimeClient::builder).invokeEndpoint(call).body().asByteArray());
            } catch (RuntimeException e) {
                throw AwsErrorTranslator.translate(e, context);
            }
        }, () -> false);
    }

    @Override
    public ModelResponse converseStream(ModelRequest request, ModelStreamListener listener) {
        ModelRoute route = route(request);
        CallContext context = context(request, route);
        InvokeEndpointWithResponseStreamRequest call = InvokeEndpointWithResponseStreamRequest.builder()
                .endpointName(route.identifier())
                .targetVariant(route.targetVariant())
                .inferenceComponentName(route.inferenceComponent())
                .contentType(format.contentType())
                .body(SdkBytes.fromByteArray(format.request(request, true)))
                .build();
        AtomicReference<AnswerCollector> current = new AtomicReference<>();
        return invoker.invoke(context, () -> {
            AnswerCollector collector = new AnswerCollector(listener);
            current.set(collector);
            ChatPayloadFormat.StreamDecoder decoder = format.streamDecoder(collector);
            InvokeEndpointWithResponseStreamResponseHandler handler = InvokeEndpointWithResponseStreamResponseHandler
                    .builder().subscriber(InvokeEndpointWithResponseStreamResponseHandler.Visitor.builder()
                            .onPayloadPart(part -> decoder.accept(part.bytes().asByteArray())).build()).build();
            CompletableFuture<Void> answer;
            try {
                answer = clients.async(SageMakerRuntimeAsyncClient.class, route, SageMakerRuntimeAsyncClient::builder)
                        .invokeEndpointWithResponseStream(call, handler);
            } catch (RuntimeException e) {
                throw AwsErrorTranslator.translate(e, context);
            }
            collector.await(answer, context);
            decoder.end();
            return collector.finish();
        }, () -> current.get() != null && current.get().committed());
    }

    private ModelRoute route(ModelRequest request) {
        return settings.router().route(request.model(), ModelTarget.SAGEMAKER);
    }

    private CallContext context(ModelRequest request, ModelRoute route) {
        return CallContext.of(request.model(), route, settings.caller());
    }

    @Override
    public void close() {
        clients.close();
    }
}
