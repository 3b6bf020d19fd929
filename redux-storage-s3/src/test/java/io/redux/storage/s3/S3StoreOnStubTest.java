package io.redux.storage.s3;

import io.redux.domain.error.ConversationsFolderException;
import io.redux.domain.error.StorageException;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationListing;
import io.redux.domain.model.UserMessage;
import io.redux.testkit.ConversationRepositoryContract;
import io.redux.testkit.stub.S3Stub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What needs an S3 that answers on demand: errors, other writers, and counting the reads of a listing. */
class S3StoreOnStubTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String BUCKET = "fleet";

    @TempDir
    Path cache;
    private final S3Stub s3 = new S3Stub().createBucket(BUCKET);
    private S3ConversationRepository store;

    @BeforeEach
    void open() {
        store = store(s3.endpoint());
    }

    @AfterEach
    void close() {
        store.close();
        s3.close();
    }

    private S3ConversationRepository store(URI endpoint) {
        return new S3ConversationRepository(TestStores.settings(endpoint, "s3://" + BUCKET + "/pods/", cache));
    }

    @Test
    void fourWritersAppendingAtOnceLoseNoMessage() throws Exception {
        Conversation conversation = ConversationRepositoryContract.withMessages(ConversationId.random(), T0, 1);
        store.create(conversation);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int writer = 0; writer < 4; writer++) {
            int w = writer;
            done.add(writers.submit(() -> {
                try (S3ConversationRepository own = store(s3.endpoint())) {
                    for (int i = 0; i < 25; i++) {
                        own.append(conversation.id(), new UserMessage("w" + w + "-" + i, T0.plusSeconds(i), "hi"));
                    }
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        writers.shutdown();

        Conversation stored = store.load(conversation.id());
        assertThat(stored.messages()).hasSize(101);
        for (int writer = 0; writer < 4; writer++) {
            for (int i = 0; i < 25; i++) {
                assertThat(stored.containsMessage("w" + writer + "-" + i)).isTrue();
            }
        }
    }

    @Test
    void aSecondListingReadsOnlyTheObjectsThatChanged() {
        List<Conversation> conversations = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Conversation conversation = ConversationRepositoryContract.withMessages(ConversationId.random(),
                    T0.plusSeconds(i), 2);
            store.create(conversation);
            conversations.add(conversation);
        }
        long before = s3.objectGets();
        ConversationListing first = store.list();
        long firstReads = s3.objectGets() - before;
        store.append(conversations.get(0).id(), new UserMessage("new", T0.plusSeconds(60), "one more"));
        long afterAppend = s3.objectGets();

        ConversationListing second = store.list();

        assertThat(firstReads).isEqualTo(6);
        assertThat(s3.objectGets() - afterAppend).isEqualTo(1);
        assertThat(second.conversations()).hasSize(6);
        assertThat(second.conversations().get(0).id()).isEqualTo(conversations.get(0).id());
        assertThat(second.conversations().get(0).messageCount()).isEqualTo(3);
        assertThat(first.conversations()).hasSize(6);
    }

    @Test
    void accessDeniedNamesTheIdentityTheActionAndTheObject() {
        ConversationId id = ConversationId.random();
        s3.failAlways(403, "AccessDenied");

        assertThatThrownBy(() -> store.load(id)).isInstanceOf(ConversationsFolderException.class)
                .hasMessage("Access denied: " + TestStores.CALLER + " may not s3:GetObject on s3://fleet/pods/" + id
                        + ".json; grant it in the identity's IAM policy (and the bucket's policy)");
        assertThatThrownBy(store::list).isInstanceOf(ConversationsFolderException.class)
                .hasMessageStartingWith("Access denied: " + TestStores.CALLER + " may not s3:ListBucket on s3://fleet/pods/;");
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsOneLineAndWritesNothing() {
        Conversation conversation = ConversationRepositoryContract.withMessages(ConversationId.random(), T0, 1);
        s3.failAlways(503, "SlowDown");

        assertThatThrownBy(() -> store.create(conversation)).isInstanceOf(StorageException.class)
                .hasMessage("S3 kept throttling s3:PutObject on s3://fleet/pods/" + conversation.id() + ".json (SlowDown)"
                        + " after retries; nothing was changed, try again in a moment");
        s3.failAlways(0, null);
        assertThat(s3.keys(BUCKET)).isEmpty();
    }

    @Test
    void aThrottledRequestThatPassesOnARetrySucceeds() {
        Conversation conversation = ConversationRepositoryContract.withMessages(ConversationId.random(), T0, 1);
        s3.failNext(1, 503, "SlowDown");

        store.create(conversation);

        assertThat(store.load(conversation.id())).isEqualTo(conversation);
    }

    @Test
    void anUnreachableEndpointIsOneLineNamingIt() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
        try (S3ConversationRepository unreachable = store(nowhere)) {
            assertThatThrownBy(unreachable::list).isInstanceOf(ConversationsFolderException.class)
                    .hasMessageStartingWith("Cannot reach S3 at " + nowhere + " for s3:ListBucket on s3://fleet/pods/: ");
        }
    }

    @Test
    void writersThatKeepCollidingGiveUpAfterTheBoundWithOneLine() {
        Conversation conversation = ConversationRepositoryContract.withMessages(ConversationId.random(), T0, 1);
        store.create(conversation);
        String key = "pods/" + conversation.id() + ".json";
        byte[] before = s3.object(BUCKET, key).content();
        int[] calls = {0};

        S3ConversationRepository impatient = new S3ConversationRepository(
                TestStores.settings(s3.endpoint(), "s3://" + BUCKET + "/pods/", cache), 4);

        assertThatThrownBy(() -> impatient.update(conversation.id(), read -> {
            calls[0]++;
            // Another writer changes the object after every read.
            s3.put(BUCKET, key, (new String(s3.object(BUCKET, key).content(), StandardCharsets.UTF_8)
                    .replaceFirst("\\{", "{\n  \"other_" + calls[0] + "\": true,")).getBytes(StandardCharsets.UTF_8));
            return read.append(new UserMessage("mine", T0.plusSeconds(1), "hi"));
        })).isInstanceOf(StorageException.class).hasMessage("Conversation " + conversation.id() + " at s3://fleet/" + key
                + " was changed by other writers during each of 4 attempts to write it; nothing was written by this"
                + " one, try again");
        impatient.close();

        assertThat(calls[0]).isEqualTo(4);
        assertThat(new String(s3.object(BUCKET, key).content(), StandardCharsets.UTF_8)).doesNotContain("mine")
                .isNotEqualTo(new String(before, StandardCharsets.UTF_8));
    }

    @Test
    void theBucketsRegionIsFoundWithoutTheUserNamingIt() {
        s3.bucketRegion("eu-bucket", "eu-west-1");
        Conversation conversation = ConversationRepositoryContract.withMessages(ConversationId.random(), T0, 2);

        try (S3ConversationRepository elsewhere = new S3ConversationRepository(
                TestStores.settings(s3.endpoint(), "s3://eu-bucket/pods/", cache))) {
            elsewhere.create(conversation);
            elsewhere.append(conversation.id(), new UserMessage("more", T0.plusSeconds(5), "more"));

            assertThat(elsewhere.list().conversations()).singleElement().satisfies(summary ->
                    assertThat(summary.messageCount()).isEqualTo(3));
        }
        assertThat(s3.lastRequest().header("authorization")).contains("/eu-west-1/s3/aws4_request");
    }
}
