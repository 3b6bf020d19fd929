package io.redux.storage.s3;

import io.redux.domain.error.ConversationAlreadyExistsException;
import io.redux.domain.error.ConversationNotFoundException;
import io.redux.domain.error.ConversationsFolderException;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationListing;
import io.redux.domain.model.UserMessage;
import io.redux.storage.json.JsonConversationRepository;
import io.redux.testkit.ConversationRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store against Adobe's S3Mock, an S3 that is not ours, one writer at a time (S3Mock's conditional writes are
 * checked but not atomic: concurrent writers are tested on {@code S3Stub}).
 */
class S3MockStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static S3Client s3;
    private static String bucket;

    @TempDir
    Path temp;
    private String prefix;
    private S3ConversationRepository store;

    @BeforeAll
    static void startS3() {
        s3 = TestStores.client(S3MockServer.endpoint());
        bucket = TestStores.newBucketName();
        s3.createBucket(request -> request.bucket(bucket));
    }

    @AfterAll
    static void closeClient() {
        s3.close();
    }

    @BeforeEach
    void newStore() {
        prefix = "pods/" + ConversationId.random() + "/";
        store = new S3ConversationRepository(TestStores.settings(S3MockServer.endpoint(), "s3://" + bucket + "/" + prefix,
                temp.resolve("cache")));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void anObjectHoldsByteForByteWhatALocalFileHolds() throws IOException {
        JsonConversationRepository local = new JsonConversationRepository(temp.resolve("local"));
        Conversation conversation = ConversationRepositoryContract.richConversation(ConversationId.random());
        AssistantMessage later = new AssistantMessage("later", T0, "And one more thing.");

        store.create(conversation);
        local.create(conversation);
        assertThat(object(conversation.id())).isEqualTo(Files.readAllBytes(local.fileOf(conversation.id())));
        store.append(conversation.id(), later);
        local.append(conversation.id(), later);

        assertThat(object(conversation.id())).isEqualTo(Files.readAllBytes(local.fileOf(conversation.id())));
    }

    @Test
    void aConversationIsStoredUnderThePrefixAndLoadsEqual() {
        Conversation conversation = ConversationRepositoryContract.richConversation(ConversationId.random());

        store.create(conversation);

        assertThat(s3.listObjectsV2(request -> request.bucket(bucket).prefix(prefix)).contents())
                .extracting(o -> o.key()).containsExactly(prefix + conversation.id() + ".json");
        assertThat(store.load(conversation.id())).isEqualTo(conversation);
    }

    @Test
    void creatingAnExistingConversationFailsAndKeepsTheStoredOne() {
        Conversation first = ConversationRepositoryContract.withMessages(ConversationId.random(), T0, 2);
        store.create(first);

        assertThatThrownBy(() -> store.create(ConversationRepositoryContract.withMessages(first.id(), T0, 4)))
                .isInstanceOf(ConversationAlreadyExistsException.class);
        assertThat(store.load(first.id())).isEqualTo(first);
    }

    @Test
    void anAuditorsFieldAddedBetweenTheReadAndTheWriteIsKeptWithTheNewMessage() {
        Conversation conversation = ConversationRepositoryContract.withMessages(ConversationId.random(), T0, 2);
        store.create(conversation);
        AtomicBoolean audited = new AtomicBoolean();

        store.update(conversation.id(), read -> {
            if (audited.compareAndSet(false, true)) {
                String annotated = new String(object(conversation.id()), StandardCharsets.UTF_8)
                        .replaceFirst("\\{", "{\n  \"audit\" : \"reviewed by compliance\",");
                s3.putObject(request -> request.bucket(bucket).key(prefix + conversation.id() + ".json"),
                        RequestBody.fromString(annotated));
            }
            return read.append(new UserMessage("after-audit", T0.plusSeconds(5), "Go on"));
        });

        String stored = new String(object(conversation.id()), StandardCharsets.UTF_8);
        assertThat(stored).contains("\"audit\": \"reviewed by compliance\"");
        assertThat(store.load(conversation.id()).containsMessage("after-audit")).isTrue();
        assertThat(store.load(conversation.id()).messages()).hasSize(3);
    }

    @Test
    void listingReportsACorruptObjectAndListsTheOthers() {
        Conversation good = ConversationRepositoryContract.withMessages(ConversationId.random(), T0, 2);
        store.create(good);
        ConversationId broken = ConversationId.random();
        s3.putObject(request -> request.bucket(bucket).key(prefix + broken + ".json"), RequestBody.fromString("{\"oops"));
        s3.putObject(request -> request.bucket(bucket).key(prefix + "notes.txt"), RequestBody.fromString("not ours"));

        ConversationListing listing = store.list();

        assertThat(listing.conversations()).extracting(s -> s.id()).containsExactly(good.id());
        assertThat(listing.unreadable()).singleElement().satisfies(unreadable ->
                assertThat(unreadable.location()).isEqualTo("s3://" + bucket + "/" + prefix + broken + ".json"));
    }

    @Test
    void aSecondListingIsTheSameAndWorksWithoutTheCache() throws IOException {
        for (int i = 0; i < 5; i++) {
            store.create(ConversationRepositoryContract.withMessages(ConversationId.random(), T0.plusSeconds(i), 2));
        }
        ConversationListing first = store.list();

        assertThat(store.list()).isEqualTo(first);
        try (var files = Files.walk(temp.resolve("cache"))) {
            assertThat(files.filter(Files::isRegularFile).toList()).hasSize(1).allSatisfy(this::delete);
        }
        assertThat(store.list()).isEqualTo(first);
    }

    @Test
    void deletingRemovesTheObjectAndAMissingOneIsNotFound() {
        Conversation conversation = ConversationRepositoryContract.withMessages(ConversationId.random(), T0, 1);
        store.create(conversation);

        store.delete(conversation.id());

        assertThat(store.find(conversation.id())).isEmpty();
        assertThatThrownBy(() -> store.delete(conversation.id())).isInstanceOf(ConversationNotFoundException.class);
    }

    @Test
    void theDocumentIsCopiedAsStored() {
        Conversation conversation = ConversationRepositoryContract.richConversation(ConversationId.random());
        store.create(conversation);
        StringWriter out = new StringWriter();

        store.copyDocument(conversation.id(), out);

        assertThat(out.toString()).isEqualTo(new String(object(conversation.id()), StandardCharsets.UTF_8));
    }

    @Test
    void everyWriteIsEncryptedWithTheKmsKeyWhenOneIsSet() {
        S3ConversationRepository encrypted = new S3ConversationRepository(TestStores.settings(S3MockServer.endpoint(),
                "s3://" + bucket + "/" + prefix, null).withKmsKeyId(S3MockServer.KMS_KEY_ID));
        Conversation conversation = ConversationRepositoryContract.withMessages(ConversationId.random(), T0, 1);

        encrypted.create(conversation);
        HeadObjectResponse created = head(conversation.id());
        encrypted.append(conversation.id(), new UserMessage("again", T0.plusSeconds(1), "again"));
        HeadObjectResponse updated = head(conversation.id());
        encrypted.close();

        assertThat(created.ssekmsKeyId()).endsWith(S3MockServer.KMS_KEY_ID);
        assertThat(updated.ssekmsKeyId()).endsWith(S3MockServer.KMS_KEY_ID);
        assertThat(updated.serverSideEncryptionAsString()).isEqualTo("aws:kms");
    }

    @Test
    void aMissingBucketIsOneLineNamingIt() {
        S3ConversationRepository missing = new S3ConversationRepository(TestStores.settings(S3MockServer.endpoint(),
                "s3://no-such-bucket-here/team/", null));
        Conversation conversation = ConversationRepositoryContract.withMessages(ConversationId.random(), T0, 1);

        assertThatThrownBy(missing::list).isInstanceOf(ConversationsFolderException.class)
                .hasMessage("S3 bucket no-such-bucket-here does not exist (s3:ListBucket on s3://no-such-bucket-here/team/);"
                        + " create it or check the name");
        assertThatThrownBy(() -> missing.create(conversation)).isInstanceOf(ConversationsFolderException.class)
                .hasMessageContaining("s3:PutObject on s3://no-such-bucket-here/team/" + conversation.id() + ".json");
        // The existence check before a delete is a HEAD, whose 404 says nothing of what is missing.
        assertThatThrownBy(() -> missing.delete(conversation.id())).isInstanceOf(ConversationsFolderException.class)
                .hasMessage("S3 bucket no-such-bucket-here does not exist (s3:DeleteObject on s3://no-such-bucket-here/team/"
                        + conversation.id() + ".json); create it or check the name");
        missing.close();
    }

    private HeadObjectResponse head(ConversationId id) {
        return s3.headObject(request -> request.bucket(bucket).key(prefix + id + ".json"));
    }

    private byte[] object(ConversationId id) {
        return s3.getObjectAsBytes(request -> request.bucket(bucket).key(prefix + id + ".json")).asByteArray();
    }

    private void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
