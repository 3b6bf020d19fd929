package io.redux.storage.s3;

import com.adobe.testing.s3mock.S3MockApplication;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationListing;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.UserMessage;
import io.redux.domain.port.CallerIdentity;
import io.redux.domain.port.CredentialOrigin;
import io.redux.domain.port.CredentialSource;
import io.redux.testkit.stub.S3Stub;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Lists N conversations of M messages from a local S3 server started in this JVM on loopback (Adobe's S3Mock, or with
 * {@code stub} the testkit's in-memory {@code S3Stub}, whose cost per request is next to nothing: what is left is the
 * client's):
 * the first listing (an empty summary cache: every object is read), then the second in a new store, as the next CLI
 * run (the cache is read from disk; only the list of objects is asked for), and a third after one conversation
 * changed (one object read).
 *
 * <p>In this module's test code, not in redux-bench: S3Mock is a Spring Boot application, whose classes clash with
 * the CLI's (Guice's AOP alliance) on redux-bench's class path. Compiled by {@code verify}, run by {@code bench/run.sh s3}:
 *
 * <pre>java -cp redux-storage-s3/target/test-classes:redux-storage-s3/target/classes:TEST_CLASSPATH \
 *     io.redux.storage.s3.S3ListingBenchmark [N=1000] [MESSAGES=40] [s3mock|stub]</pre>
 */
public final class S3ListingBenchmark {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final ModelId MODEL = ModelId.parse("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0");

    private S3ListingBenchmark() {
    }

    /** Fake keys: the local server checks no signature. */
    private static final class FakeCredentials implements CredentialSource, AwsCredentialsProvider {
        @Override
        public AwsCredentials resolveCredentials() {
            return AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "bench-secret");
        }

        @Override
        public CallerIdentity identity() {
            return new CallerIdentity(CredentialOrigin.ENVIRONMENT, null, null, null, "us-east-1", null);
        }
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        boolean stub = args.length > 2 && args[2].equals("stub");
        Path root = Files.createTempDirectory("s3bench");
        AutoCloseable server;
        URI endpoint;
        if (stub) {
            S3Stub s3Stub = new S3Stub();
            server = s3Stub;
            endpoint = s3Stub.endpoint();
        } else {
            Map<String, Object> properties = new HashMap<>(Map.of(S3MockApplication.PROP_HTTP_PORT, 0,
                    S3MockApplication.PROP_HTTPS_PORT, 0, S3MockApplication.PROP_ROOT_DIRECTORY,
                    root.resolve("s3").toString(), S3MockApplication.PROP_SILENT, true, "logging.level.root", "WARN",
                    "spring.main.banner-mode", "off"));
            S3MockApplication s3Mock = S3MockApplication.start(properties);
            server = s3Mock::stop;
            endpoint = URI.create("http://127.0.0.1:" + s3Mock.getHttpPort());
        }
        System.out.println("server: " + (stub ? "S3Stub (testkit, in memory)" : "S3Mock") + " at " + endpoint);
        try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(new FakeCredentials()).httpClient(UrlConnectionHttpClient.create()).build()) {
            s3.createBucket(request -> request.bucket("bench"));
        }
        S3StoreSettings settings = new S3StoreSettings(S3Location.parse("s3://bench/team/", "bench"),
                new FakeCredentials(), null, endpoint, "us-east-1", null, root.resolve("cache"), null);

        long filling = System.nanoTime();
        ConversationId changed = fill(settings, count, messages);
        System.out.printf("filled %d conversations of %d messages in %.1f s%n", count, messages,
                (System.nanoTime() - filling) / 1e9);

        time("first listing (empty cache, every object read)", settings, count);
        time("second listing (new store, cache from disk)", settings, count);
        try (S3ConversationRepository store = new S3ConversationRepository(settings)) {
            store.append(changed, new UserMessage("one-more", T0.plusSeconds(100_000), "One more question"));
        }
        time("after one conversation changed (one object read)", settings, count);
        server.close();
    }

    private static ConversationId fill(S3StoreSettings settings, int count, int messages) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        ConversationId first = ConversationId.random();
        try (S3ConversationRepository store = new S3ConversationRepository(settings)) {
            for (int i = 0; i < count; i++) {
                ConversationId id = i == 0 ? first : ConversationId.random();
                int n = i;
                writers.submit(() -> store.create(conversation(id, n, messages)));
            }
            writers.shutdown();
            if (!writers.awaitTermination(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("filling the bucket took too long");
            }
        }
        return first;
    }

    private static Conversation conversation(ConversationId id, int n, int messages) {
        Instant updated = T0.plusSeconds(n * 60L);
        Conversation conversation = new Conversation(id, T0, updated, MODEL, null, java.util.List.of(),
                ConversationMetadata.EMPTY);
        for (int i = 0; i < messages; i++) {
            Instant at = updated.minusSeconds(messages - 1 - i);
            conversation = conversation.append(i % 2 == 0
                    ? new UserMessage("m" + i, at, "Question " + i + " about the build of service " + n)
                    : new AssistantMessage("m" + i, at, "Answer " + i + ": " + "x".repeat(400)));
        }
        return conversation;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void time(String what, S3StoreSettings settings, int expected) throws IOException {
        try (S3ConversationRepository store = new S3ConversationRepository(settings)) {
            long cpuBefore = processCpuNanos();
            long started = System.nanoTime();
            ConversationListing listing = store.list();
            double millis = (System.nanoTime() - started) / 1e6;
            double cpuMillis = (processCpuNanos() - cpuBefore) / 1e6;
            if (listing.conversations().size() != expected) {
                throw new IllegalStateException("listed " + listing.conversations().size() + ", expected " + expected);
            }
            // CPU time is the steadier figure on a loaded machine; it is the server's and the client's together.
            System.out.printf("%s: %d conversations in %.0f ms (process CPU %.0f ms)%n", what,
                    listing.conversations().size(), millis, cpuMillis);
        }
    }
}
