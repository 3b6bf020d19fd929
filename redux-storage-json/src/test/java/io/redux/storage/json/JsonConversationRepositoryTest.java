package io.redux.storage.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redux.domain.model.ConversationId;
import io.redux.domain.port.ConversationRepository;
import io.redux.testkit.ConversationRepositoryContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class JsonConversationRepositoryTest extends ConversationRepositoryContract {

    @TempDir
    Path temp;

    @Override
    protected ConversationRepository newRepository() {
        return new JsonConversationRepository(temp.resolve("conversations"));
    }

    @Test
    void preparesJacksonOnADaemonThreadThatNeverKeepsTheJvmRunning() throws InterruptedException {
        Thread preparing = JsonConversationRepository.prepareInBackground();

        assertThat(preparing.isDaemon()).isTrue();
        assertThat(preparing.getName()).isEqualTo("redux-json");
        preparing.join();
        assertThat(preparing.isAlive()).isFalse();
    }

    /** Every append is two fsyncs; 2 x 100 still interleaves writers thoroughly and keeps the test quick. */
    @Override
    protected int concurrentAppendsPerWriter() {
        return 100;
    }

    @Override
    protected boolean supportsUnknownFieldPreservation() {
        return true;
    }

    @Override
    protected void putUnknownField(ConversationId id, String field, String value) {
        Path file = ((JsonConversationRepository) repository).fileOf(id);
        try {
            ObjectNode tree = (ObjectNode) JsonSupport.MAPPER.readTree(file.toFile());
            tree.put(field, value);
            Files.write(file, JsonSupport.PRETTY_WRITER.writeValueAsBytes(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected String readUnknownField(ConversationId id, String field) {
        try {
            JsonNode value = JsonSupport.MAPPER.readTree(((JsonConversationRepository) repository).fileOf(id).toFile()).get(field);
            return value == null ? null : value.asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void copyingTheDocumentGivesTheFileAsItIs() throws IOException {
        JsonConversationRepository json = (JsonConversationRepository) repository;
        ConversationId id = ConversationId.parse("550e8400-e29b-41d4-a716-446655440000");
        Files.createDirectories(json.directory());
        String example = TestFiles.formatExample().replace("\"region\"", "\"unknown_field\": [1.50, \"caf\u00e9\"],\n  \"region\"");
        Files.writeString(json.fileOf(id), example);
        StringWriter out = new StringWriter();

        json.copyDocument(id, out);

        assertThat(out.toString()).isEqualTo(example);
    }
}
