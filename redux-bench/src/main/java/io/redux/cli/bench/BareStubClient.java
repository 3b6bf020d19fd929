package io.redux.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The baseline of the chat benchmarks: a plain {@code java.net.http} client (HTTP/1.1, kept warm) asking the Bedrock
 * stub's ConverseStream directly, so the stub's own response time can be subtracted from the CLI's.
 */
final class BareStubClient {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final HttpRequest request;

    BareStubClient(URI stubEndpoint) {
        request = HttpRequest.newBuilder(stubEndpoint.resolve(
                        "/model/anthropic.claude-3-5-sonnet-20241022-v2%3A0/converse-stream"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hello\"}]}]}"))
                .build();
    }

    /** One request: milliseconds to the first byte of the answer and to its end. */
    double[] firstByteAndWhole() {
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                body.read();
                double first = (System.nanoTime() - start) / 1e6;
                body.transferTo(OutputStream.nullOutputStream());
                return new double[] {first, (System.nanoTime() - start) / 1e6};
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    double firstByte() {
        return firstByteAndWhole()[0];
    }
}
