package io.redux.storage.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redux.domain.model.ConversationId;
import io.redux.domain.port.ConversationRepository;
import io.redux.testkit.ConversationRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import io.redux.testkit.stub.S3Stub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The repository contract, against the testkit's {@link S3Stub}: a fresh prefix of one bucket per test. Not against
 * S3Mock: its conditional writes are checked but not atomic (a GET during a PUT may read an empty object), so two
 * writers on it can lose each other's messages as they never can on S3; {@link S3MockStoreTest} runs the rest there.
 */
class S3ConversationRepositoryTest extends ConversationRepositoryContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static S3Stub s3;
    private static final String BUCKET = "team-bucket";

    @TempDir
    Path cache;
    private String prefix;

    @BeforeAll
    static void startS3() {
        s3 = new S3Stub().createBucket(BUCKET);
    }

    @AfterAll
    static void closeClient() {
        s3.close();
    }

    @AfterEach
    void closeRepository() {
        ((S3ConversationRepository) repository).close();
    }

    @Override
    protected ConversationRepository newRepository() {
        prefix = "team/" + ConversationId.random() + "/";
        return new S3ConversationRepository(TestStores.settings(s3.endpoint(), "s3://" + BUCKET + "/" + prefix,
                cache));
    }

    @Override
    protected boolean supportsUnknownFieldPreservation() {
        return true;
    }

    @Override
    protected void putUnknownField(ConversationId id, String field, String value) {
        ObjectNode tree = (ObjectNode) object(id);
        tree.put(field, value);
        s3.put(BUCKET, prefix + id + ".json", tree.toPrettyString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected String readUnknownField(ConversationId id, String field) {
        JsonNode value = object(id).get(field);
        return value == null ? null : value.asText();
    }

    private JsonNode object(ConversationId id) {
        try {
            return JSON.readTree(s3.object(BUCKET, prefix + id + ".json").content());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
