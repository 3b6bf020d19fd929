package io.redux.aws.sagemaker;

import io.redux.aws.ModelGatewaySettings;
import io.redux.aws.http.HttpClients;
import io.redux.aws.routing.ModelRoute;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** SageMaker Runtime clients per region, built on first use, SDK retries off (see {@code BedrockClients}). */
final class SageMakerClients implements AutoCloseable {

    private final ModelGatewaySettings settings;
    private final Map<String, SageMakerRuntimeClient> sync = new ConcurrentHashMap<>();
    private final Map<String, SageMakerRuntimeAsyncClient> async = new ConcurrentHashMap<>();
    private final List<AutoCloseable> owned = new ArrayList<>();

    SageMakerClients(ModelGatewaySettings settings) {
        this.settings = settings;
    }

    SageMakerRuntimeClient sync(ModelRoute route) {
        return sync.computeIfAbsent(route.region(), region -> {
            var builder = SageMakerRuntimeClient.builder()
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

    SageMakerRuntimeAsyncClient async(ModelRoute route) {
        return async.computeIfAbsent(route.region(), region -> {
            var builder = SageMakerRuntimeAsyncClient.builder()
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
                // Best effort, as in BedrockClients.
            }
        }
        owned.clear();
        sync.clear();
        async.clear();
    }
}
