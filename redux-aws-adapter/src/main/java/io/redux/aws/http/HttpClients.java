package io.redux.aws.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.ProxyConfiguration;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import javax.net.ssl.TrustManager;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Builds the SDK's HTTP clients the way Redux wants them.
 *
 * <ul>
 * <li>Plain calls use the JDK's URLConnection client: it starts far faster than Netty or Apache.</li>
 * <li>Streaming needs an async client; Netty, on one daemon event-loop thread, speaking HTTP/1.1 always.
 *     HTTP/1.1 works to {@code http://} stubs and through every proxy, where HTTP/2 to a plain-text endpoint means
 *     prior knowledge that they do not speak; Bedrock accepts both, and one CLI never needs multiplexing.</li>
 * <li>Proxies and trust come from {@link NetworkSettings} only, never from the SDK's own reading of the
 *     environment, so what is configured is what is used (and tests can inject it).</li>
 * </ul>
 */
public final class HttpClients {

    private HttpClients() {
    }

    public static SdkHttpClient sync(NetworkSettings settings, URI endpoint) {
        UrlConnectionHttpClient.Builder builder = UrlConnectionHttpClient.builder()
                .connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.readTimeout());
        URI proxy = settings.proxyFor(endpoint);
        builder.proxyConfiguration(p -> {
            p.useSystemPropertyValues(false).useEnvironmentVariablesValues(false);
            if (proxy != null) {
                p.endpoint(URI.create(proxy.getScheme() + "://" + proxy.getHost() + ":" + EndpointUrls.port(proxy)))
                        .nonProxyHosts(settings.nonProxyHostPatterns());
                credentials(proxy, p::username, p::password);
            }
        });
        TrustManager[] trust = trust(settings);
        if (trust != null) {
            builder.tlsTrustManagersProvider(() -> trust);
        }
        return builder.build();
    }

    /** An async client and the event loop it owns; closing it ends the loop at once instead of after 2 s. */
    public static AsyncHttp async(NetworkSettings settings, URI endpoint) {
        DeferredRegistrationEventLoopGroup group = new DeferredRegistrationEventLoopGroup();
        NettyNioAsyncHttpClient.Builder builder = NettyNioAsyncHttpClient.builder()
                .eventLoopGroup(SdkEventLoopGroup.create(group, NioSocketChannel::new))
                .protocol(Protocol.HTTP1_1)
                .connectionTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .useIdleConnectionReaper(false);
        URI proxy = settings.proxyFor(endpoint);
        ProxyConfiguration.Builder proxyConfiguration = ProxyConfiguration.builder()
                .useSystemPropertyValues(false).useEnvironmentVariableValues(false);
        if (proxy != null) {
            proxyConfiguration.scheme(proxy.getScheme()).host(proxy.getHost()).port(EndpointUrls.port(proxy))
                    .nonProxyHosts(settings.nonProxyHostPatterns());
            credentials(proxy, proxyConfiguration::username, proxyConfiguration::password);
        }
        builder.proxyConfiguration(proxyConfiguration.build());
        TrustManager[] trust = trust(settings);
        if (trust != null) {
            builder.tlsTrustManagersProvider(() -> trust);
        }
        return new AsyncHttp(builder.build(), group);
    }

    /**
     * One daemon event-loop thread that registers every new channel in a task of its own, never inline.
     *
     * <p>Why: the SDK's pool ({@code HttpOrHttp2ChannelPool}) opens its first connection from its event loop, then adds
     * its listener to a promise that a failed connection replaces. With one thread, a connection that fails at once
     * (an unknown host: the JDK's resolver answers inline; no route to the network) fails inside that call, the
     * listener lands on the replacement promise, and the request waits for the 10 s acquire timeout instead of
     * failing in milliseconds. Registering in a later task makes every connection failure arrive after the listener.
     */
    static final class DeferredRegistrationEventLoopGroup extends NioEventLoopGroup {

        private final LoopThreads threads;

        DeferredRegistrationEventLoopGroup() {
            this(new LoopThreads());
        }

        private DeferredRegistrationEventLoopGroup(LoopThreads threads) {
            super(1, threads);
            this.threads = threads;
        }

        /**
         * Waits, {@code millis} at most, for the loop's thread itself to end: the group counts as terminated from the
         * last task its thread runs, a moment before the thread is gone.
         */
        void awaitThreadEnd(long millis) throws InterruptedException {
            for (Thread thread : threads.started) {
                thread.join(millis);
            }
        }

        @Override
        public ChannelFuture register(Channel channel) {
            EventLoop loop = next();
            ChannelPromise registered = new DefaultChannelPromise(channel, loop);
            loop.execute(() -> loop.register(registered));
            return registered;
        }
    }

    /** Makes the loop's daemon thread, and remembers it so that closing can wait for its end. */
    private static final class LoopThreads implements ThreadFactory {
        private final List<Thread> started = new CopyOnWriteArrayList<>();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "redux-aws-netty");
            thread.setDaemon(true);
            started.add(thread);
            return thread;
        }
    }

    /** An async client with the event loop it owns. */
    public record AsyncHttp(SdkAsyncHttpClient client, DeferredRegistrationEventLoopGroup group)
            implements AutoCloseable {
        /**
         * Closes the client and waits (a second at most) for its event loop, and the loop's thread, to end. A loop
         * left to die with the JVM sits in {@code epoll_wait}, native code, and the JVM's exit waits 300 ms for any
         * thread in native code.
         */
        @Override
        public void close() {
            client.close();
            group.shutdownGracefully(0, 200, TimeUnit.MILLISECONDS).awaitUninterruptibly(1, TimeUnit.SECONDS);
            try {
                group.awaitThreadEnd(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static TrustManager[] trust(NetworkSettings settings) {
        return settings.caBundle() == null ? null : TrustedCertificates.withBundle(settings.caBundle());
    }


    private static void credentials(URI proxy, java.util.function.Consumer<String> user,
                                    java.util.function.Consumer<String> password) {
        String userInfo = proxy.getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user.accept(colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (colon >= 0) {
                password.accept(userInfo.substring(colon + 1));
            }
        }
    }
}
