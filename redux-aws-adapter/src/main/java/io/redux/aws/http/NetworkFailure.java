package io.redux.aws.http;

import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.timeout.ReadTimeoutException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * What went wrong on the way to an endpoint, read from the causes of what an HTTP client threw, in words a user can
 * act on. Shared by model calls and STS so both say the same thing about the same failure.
 *
 * @param kind    what happened
 * @param problem the problem as a clause, e.g. "unknown host sts.example.com"
 * @param proxyVariable the variable of the proxy whose connection failed, or null when the failure is not the proxy's
 */
public record NetworkFailure(Kind kind, String problem, String proxyVariable) {

    public NetworkFailure(Kind kind, String problem) {
        this(kind, problem, null);
    }

    public enum Kind {
        /** The host name does not resolve. */
        UNKNOWN_HOST(false),
        /** Nothing listens on that port. */
        REFUSED(false),
        /** No route to the host or its network. */
        NO_ROUTE(false),
        /** Connecting or reading took longer than the timeouts: a busy server or network may answer next time. */
        TIMEOUT(true),
        /**
         * The connection closed before an answer. Not tried again: the SDK cannot tell a reset connection from an
         * endpoint that always hangs up (https:// to a plain HTTP port, reported only as a closed connection), and
         * trying the latter four times costs seconds each.
         */
        CLOSED(false),
        /** The endpoint does not speak TLS, or its certificate is not trusted. */
        TLS(false),
        /** What came back is not HTTP, or not the AWS event stream an answer is framed in: the wrong endpoint. */
        NOT_AWS(false);

        private final boolean mayPass;

        Kind(boolean mayPass) {
            this.mayPass = mayPass;
        }
    }

    /** Whether the same call may pass if tried again a moment later. */
    public boolean mayPassOnRetry() {
        return kind.mayPass;
    }

    /**
     * The network failure among the causes of {@code error}, if it is one.
     *
     * @param endpoint the URL called
     * @param network  the settings the call went out with: when they route it through a proxy, the connection that
     *                 failed is the one to the proxy, and the sentence names the proxy, not the endpoint
     */
    public static Optional<NetworkFailure> of(Throwable error, URI endpoint, NetworkSettings network) {
        URI proxy = network.proxyFor(endpoint);
        String proxyVariable = proxy == null ? null : NetworkSettings.proxyVariable(endpoint);
        String viaProxy = proxy == null ? null
                : "the proxy " + proxy.getHost() + ":" + EndpointUrls.port(proxy) + " from " + NetworkSettings.proxyVariable(endpoint);
        boolean https = "https".equalsIgnoreCase(endpoint.getScheme());
        // Timeouts first: Netty's ConnectTimeoutException is a ConnectException too.
        if (find(error, SocketTimeoutException.class) != null || find(error, TimeoutException.class) != null
                || find(error, io.netty.handler.timeout.TimeoutException.class) != null
                || find(error, io.netty.channel.ConnectTimeoutException.class) != null
                || anyMessage(error, "timed out")) {
            return Optional.of(new NetworkFailure(Kind.TIMEOUT, "no answer in time"));
        }
        UnknownHostException unknown = find(error, UnknownHostException.class);
        if (unknown != null) {
            String host = host(unknown, endpoint);
            boolean proxys = proxy != null && host.equalsIgnoreCase(proxy.getHost());
            return Optional.of(new NetworkFailure(Kind.UNKNOWN_HOST, "unknown host " + host
                    + (proxys ? " (the proxy from " + NetworkSettings.proxyVariable(endpoint) + ")" : ""),
                    proxys ? NetworkSettings.proxyVariable(endpoint) : null));
        }
        if (find(error, NoRouteToHostException.class) != null || anyMessage(error, "network is unreachable")) {
            return Optional.of(new NetworkFailure(Kind.NO_ROUTE, "no route to "
                    + (proxy == null ? endpoint.getHost() : viaProxy) + " (is the network up?)", proxyVariable));
        }
        if (find(error, ConnectException.class) != null) {
            // Through a proxy, the only connection this machine opens is the one to the proxy.
            return Optional.of(new NetworkFailure(Kind.REFUSED, proxy == null
                    ? endpoint.getHost() + " refused the connection on port " + EndpointUrls.port(endpoint) + " (nothing listens there)"
                    : viaProxy + " refused the connection (nothing listens there)", proxyVariable));
        }
        if (find(error, NotSslRecordException.class) != null || anyMessage(error, "unrecognized ssl message")) {
            return Optional.of(new NetworkFailure(Kind.TLS, "it does not speak TLS; if it is a plain HTTP endpoint,"
                    + " use http:// instead of https://"));
        }
        if (find(error, SSLHandshakeException.class) != null && anyMessage(error, "closed")) {
            return Optional.of(new NetworkFailure(Kind.TLS, "it closed the connection during the TLS handshake; if it is"
                    + " a plain HTTP endpoint, use http:// instead of https://"));
        }
        SSLException tls = find(error, SSLException.class);
        if (tls != null) {
            return Optional.of(new NetworkFailure(Kind.TLS, "no trusted TLS connection (" + firstLine(tls) + "); behind"
                    + " a TLS-inspecting proxy, set AWS_CA_BUNDLE to a PEM file with its root certificate"));
        }
        if (fromEventStreamDecoder(error)) {
            return Optional.of(new NetworkFailure(Kind.NOT_AWS, "its answer is not an AWS event stream"));
        }
        if (anyMessage(error, "invalid http response")) {
            return Optional.of(new NetworkFailure(Kind.NOT_AWS, "its answer is not HTTP"));
        }
        if (find(error, ClosedChannelException.class) != null || anyMessage(error, "connection was closed")
                || anyMessage(error, "connection reset") || find(error, SocketException.class) != null) {
            return Optional.of(new NetworkFailure(Kind.CLOSED, "it closed the connection before answering"
                    + (https ? " (if it is a plain HTTP endpoint, use http:// instead of https://)" : "")));
        }
        return Optional.empty();
    }

    /** An answer whose HTTP status is not one HTTP has: Netty's mark for bytes it could not read as HTTP. */
    public static Optional<NetworkFailure> ofStatus(int status) {
        return status < 100 || status > 599
                ? Optional.of(new NetworkFailure(Kind.NOT_AWS, "its answer is not HTTP")) : Optional.empty();
    }

    /**
     * One sentence for the user: what could not be reached, why, and what to check.
     *
     * @param service          "Bedrock", "STS"...
     * @param endpoint         the URL called
     * @param purpose          what the call was for, e.g. " to look up ...", or ""
     * @param endpointVariable the variable that may have set the endpoint
     */
    public String sentence(String service, URI endpoint, String purpose, String endpointVariable) {
        String verb = kind == Kind.TLS || kind == Kind.NOT_AWS ? "Cannot talk to " : "Cannot reach ";
        return verb + service + " at " + EndpointUrls.masked(endpoint) + purpose + ": " + problem + ". " + advice(endpointVariable);
    }

    /** The next step for this failure; {@code endpointVariable} is the variable that may have set the endpoint. */
    public String advice(String endpointVariable) {
        if (proxyVariable != null) {
            return "Check that the proxy is up and " + proxyVariable + " is right, or list the endpoint's host in"
                    + " NO_PROXY to connect to it directly.";
        }
        return switch (kind) {
            case UNKNOWN_HOST -> "Check the host name, your DNS and network, HTTPS_PROXY and NO_PROXY, and "
                    + endpointVariable + " if you set it.";
            case REFUSED -> "Check that the endpoint is up and its port is right, HTTPS_PROXY and NO_PROXY, and "
                    + endpointVariable + " if you set it.";
            case NOT_AWS -> "Check that " + endpointVariable + ", if you set it, and HTTPS_PROXY point where they should.";
            default -> "Check your network, HTTPS_PROXY and NO_PROXY, and " + endpointVariable + " if you set it.";
        };
    }

    /**
     * Whether the failure is the read timeout: a call, or a stream in the middle of an answer, that went silent for
     * longer than {@link NetworkSettings#readTimeout()}.
     */
    public static boolean isReadTimeout(Throwable error) {
        return find(error, ReadTimeoutException.class) != null;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean anyMessage(Throwable error, String lowerCaseText) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(lowerCaseText)) {
                return true;
            }
        }
        return false;
    }

    /** The event stream decoder throws plain IllegalArgumentExceptions; where they come from tells them apart. */
    private static boolean fromEventStreamDecoder(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            StackTraceElement[] frames = t.getStackTrace();
            if (frames.length > 0 && frames[0].getClassName().startsWith("software.amazon.eventstream.")) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }

    /** The name that did not resolve: the endpoint's, or a proxy's. The JDK puts it first in the message. */
    private static String host(UnknownHostException error, URI endpoint) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return endpoint.getHost();
        }
        int colon = message.indexOf(':');
        return (colon < 0 ? message : message.substring(0, colon)).strip();
    }
}
