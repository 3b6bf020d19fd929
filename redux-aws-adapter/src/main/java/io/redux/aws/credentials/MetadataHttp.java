package io.redux.aws.credentials;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * One plain HTTP request to a metadata service (EC2 instance metadata, ECS credentials), never through a proxy,
 * with short timeouts and no retry: off EC2 the answer must come, or not, at once.
 */
final class MetadataHttp {

    private final Duration connectTimeout;
    private final Duration readTimeout;

    MetadataHttp(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** The body of a 200 answer. @throws IOException on any other status or network failure */
    String call(String method, URI uri, Map<String, String> headers) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        try {
            connection.setRequestMethod(method);
            connection.setConnectTimeout((int) connectTimeout.toMillis());
            connection.setReadTimeout((int) readTimeout.toMillis());
            connection.setInstanceFollowRedirects(false);
            headers.forEach(connection::setRequestProperty);
            int status = connection.getResponseCode();
            if (status != 200) {
                throw new IOException(method + " " + uri.getPath() + " answered HTTP " + status);
            }
            try (InputStream in = connection.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            connection.disconnect();
        }
    }
}
