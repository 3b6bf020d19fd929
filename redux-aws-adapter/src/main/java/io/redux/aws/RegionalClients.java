package io.redux.aws;

import io.redux.aws.http.SdkCredentials;
import io.redux.aws.http.HttpClients;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Async SDK clients of any service (model calls are streamed), one per client type and region, each built on first
 * use. SDK retries are off, because {@code ResilientInvoker} is the only retry layer. Closing closes every client and HTTP client it built.
 */
final class RegionalClients implements AutoCloseable {

    private final ModelGatewaySettings settings;
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();
    private final Closeables owned = new Closeables();

    public RegionalClients(ModelGatewaySettings settings) {
        this.settings = settings;
    }

    /** An async client on Netty, for event streams. */
    public <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsAsyncClientBuilder<B, C>> C async(
            Class<C> type, ModelRoute route, Supplier<B> newBuilder) {
        return type.cast(clients.computeIfAbsent(key(type, route), key -> owned.own(configure(newBuilder.get(), route)
                .httpClient(owned.own(HttpClients.async(settings.network(), route.endpoint())).client())
                .build())));
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, ModelRoute route) {
        // Credentials before the client: the SDK's builder reads the AWS config file on its own, and a malformed one
        // must be reported as the credentials chain reports it (the file and the line), not as a failed model call.
        AwsCredentialsProvider credentials = SdkCredentials.of(settings.credentials());
        credentials.resolveCredentials();
        builder.region(Region.of(route.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (route.endpointOverridden()) {
            builder.endpointOverride(route.endpoint());
        }
        return builder;
    }

    private static String key(Class<?> type, ModelRoute route) {
        return type.getName() + '@' + route.region();
    }

    @Override
    public void close() {
        owned.close();
        clients.clear();
    }
}
