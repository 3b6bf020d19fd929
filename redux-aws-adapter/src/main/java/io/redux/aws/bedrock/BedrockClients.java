package io.redux.aws.bedrock;

import io.redux.aws.ModelGatewaySettings;
import io.redux.aws.http.HttpClients;
import io.redux.aws.routing.ModelRoute;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bedrock Runtime clients per region, each built on first use: a one-shot streamed chat never pays for the sync
 * client, and a plain call never starts Netty. SDK retries are off; {@code ResilientInvoker} is the only retry layer.
 */
final class BedrockClients implements AutoCloseable {

    private final ModelGatewaySettings settings;
    private final Map<String, BedrockRuntimeClient> sync = new ConcurrentHashMap<>();
    private final Map<String, BedrockRuntimeAsyncClient> async = new ConcurrentHashMap<>();
    private final List<AutoCloseable> owned = new ArrayList<>();

    BedrockClients(ModelGatewaySettings settings) {
        this.settings = settings;
    }

    BedrockRuntimeClient sync(ModelRoute route) {
        return sync.computeIfAbsent(route.region(), region -> {
            var builder = BedrockRuntimeClient.builder()
                    .region(Region.of(region))
                    .credentialsProvider(settings.credentials())
                    .httpClient(own(HttpClients.sync(settings.network(), route.endpoint())))
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
            if (route.endpointOverridden()) {
                builder.endpointOverride(route.endpoint());
            }
            return own(builder.build());
        });
    }

    BedrockRuntimeAsyncClient async(ModelRoute route) {
        return async.computeIfAbsent(route.region(), region -> {
            var builder = BedrockRuntimeAsyncClient.builder()
                    .region(Region.of(region))
                    .credentialsProvider(settings.credentials())
                    .httpClient(own(HttpClients.async(settings.network(), route.endpoint())).client())
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
            if (route.endpointOverridden()) {
                builder.endpointOverride(route.endpoint());
            }
            return own(builder.build());
        });
    }

    private synchronized <T extends AutoCloseable> T own(T closeable) {
        owned.add(closeable);
        return closeable;
    }

    @Override
    public synchronized void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                // Closing is best effort: a client that cannot close cleanly holds nothing a user would lose.
            }
        }
        owned.clear();
        sync.clear();
        async.clear();
    }
}
