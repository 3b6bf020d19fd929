package io.redux.aws;

import io.redux.domain.port.ModelGateway;
import io.redux.domain.port.ModelRequest;
import io.redux.domain.port.ModelResponse;
import io.redux.domain.port.ModelStreamListener;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamResponseHandler;

import java.util.concurrent.CompletableFuture;

/**
 * {@link ModelGateway} on a SageMaker endpoint: InvokeEndpointWithResponseStream, for {@link #converseStream} and
 * (collected, as the port's default) for {@link #converse}. The version of the model id picks the target variant
 * or inference component (see {@code ModelRouter}); the payload is {@link OpenAiChatFormat}.
 */
final class SageMakerModelGateway implements ModelGateway, AutoCloseable {

    private final ModelGatewaySettings settings;
    private final ChatPayloadFormat format = new OpenAiChatFormat();
    private final RegionalClients clients;
    private final ResilientInvoker invoker;

    public SageMakerModelGateway(ModelGatewaySettings settings) {
        this.settings = settings;
        this.clients = new RegionalClients(settings);
        this.invoker = new ResilientInvoker(settings.resilience());
    }

    @Override
    public ModelResponse converseStream(ModelRequest request, ModelStreamListener listener) {
        ModelRoute route = settings.router().route(request.model(), ModelTarget.SAGEMAKER);
        CallContext context = CallContext.of(request.model(), route, settings);
        InvokeEndpointWithResponseStreamRequest call = InvokeEndpointWithResponseStreamRequest.builder()
                .endpointName(route.identifier())
                .targetVariant(route.targetVariant())
                .inferenceComponentName(route.inferenceComponent())
                .contentType(format.contentType())
                .body(SdkBytes.fromByteArray(format.request(request)))
                .build();
        return invoker.stream(context, () -> new AnswerCollector(listener),
                collector -> stream(route, call, collector, context));
    }

    private ModelResponse stream(ModelRoute route, InvokeEndpointWithResponseStreamRequest call,
                                 AnswerCollector collector, CallContext context) {
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
        return collector.finish(context);
    }

    @Override
    public void close() {
        clients.close();
    }
}
