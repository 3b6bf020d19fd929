package io.redux.aws;

import io.redux.domain.model.StopReason;
import io.redux.domain.port.ModelGateway;
import io.redux.domain.port.ModelRequest;
import io.redux.domain.port.ModelResponse;
import io.redux.domain.port.ModelStreamListener;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;

import java.util.concurrent.CompletableFuture;

/**
 * {@link ModelGateway} on Bedrock Runtime: ConverseStream, for {@link #converseStream} and (collected, as the port's
 * default) for {@link #converse}.
 * Routes each request by its model id (region and identifier per {@code ModelRouter}); retries per
 * {@code ResilienceSettings}. Close it to release its HTTP clients.
 */
final class BedrockModelGateway implements ModelGateway, AutoCloseable {

    private final ModelGatewaySettings settings;
    private final RegionalClients clients;
    private final ResilientInvoker invoker;

    public BedrockModelGateway(ModelGatewaySettings settings) {
        this.settings = settings;
        this.clients = new RegionalClients(settings);
        this.invoker = new ResilientInvoker(settings.resilience());
    }

    @Override
    public ModelResponse converseStream(ModelRequest request, ModelStreamListener listener) {
        ModelRoute route = settings.router().route(request.model(), ModelTarget.BEDROCK);
        CallContext context = CallContext.of(request.model(), route, settings);
        return invoker.stream(context, () -> new AnswerCollector(listener),
                collector -> stream(route, request, collector, context));
    }

    private ModelResponse stream(ModelRoute route, ModelRequest request, AnswerCollector collector, CallContext context) {
        CompletableFuture<Void> call;
        try {
            call = clients.async(BedrockRuntimeAsyncClient.class, route, BedrockRuntimeAsyncClient::builder).converseStream(BedrockRequests.converseStream(route.identifier(), request),
                    handler(collector));
        } catch (RuntimeException e) {
            throw AwsErrorTranslator.translate(e, context);
        }
        collector.await(call, context);
        return collector.finish(context);
    }

    private static ConverseStreamResponseHandler handler(AnswerCollector collector) {
        return ConverseStreamResponseHandler.builder().subscriber(ConverseStreamResponseHandler.Visitor.builder()
                .onContentBlockStart(event -> {
                    if (event.start() != null && event.start().toolUse() != null) {
                        collector.toolUseStarted(event.contentBlockIndex(), event.start().toolUse().toolUseId(),
                                event.start().toolUse().name());
                    }
                })
                .onContentBlockDelta(event -> {
                    if (event.delta().text() != null) {
                        collector.text(event.delta().text());
                    } else if (event.delta().toolUse() != null) {
                        collector.toolUseInput(event.contentBlockIndex(), event.delta().toolUse().input());
                    }
                })
                .onContentBlockStop(event -> collector.blockStopped(event.contentBlockIndex()))
                .onMessageStop(event -> collector.stopped(stopReason(event.stopReasonAsString())))
                .onMetadata(event -> {
                    if (event.usage() != null) {
                        collector.usage(event.usage().inputTokens(), event.usage().outputTokens());
                    }
                    // Bedrock's last event; a stream that closes without it was cut short.
                    collector.ended();
                })
                .build()).build();
    }

    /** The domain's wire names are Bedrock's; a missing reason, or one added to Bedrock since, ends the turn. */
    private static StopReason stopReason(String wireName) {
        return StopReason.fromWireName(wireName).orElse(StopReason.END_TURN);
    }

    @Override
    public void close() {
        clients.close();
    }
}
