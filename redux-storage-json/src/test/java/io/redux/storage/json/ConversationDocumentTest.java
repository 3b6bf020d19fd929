package io.redux.storage.json;

import io.redux.domain.error.CorruptConversationException;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.testkit.ConversationRepositoryContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The codec other stores use: the local store's bytes, checks and errors, unknown fields kept. */
class ConversationDocumentTest {

    private static final ConversationId ID = ConversationId.parse("550e8400-e29b-41d4-a716-446655440000");

    @TempDir
    Path folder;

    @Test
    void aNewDocumentIsTheLocalStoresFileByteForByte() throws IOException {
        JsonConversationRepository local = new JsonConversationRepository(folder);
        Conversation conversation = ConversationRepositoryContract.richConversation(ConversationId.random());
        local.create(conversation);

        assertThat(ConversationDocument.encode(conversation)).isEqualTo(Files.readAllBytes(local.fileOf(conversation.id())));
    }

    @Test
    void aChangedDocumentIsTheLocalStoresRewriteByteForByteAndKeepsUnknownFields() throws IOException {
        JsonConversationRepository local = new JsonConversationRepository(folder);
        String example = TestFiles.formatExample().replace("\"region\"", "\"audit\": [1.50, \"caf\u00e9\"],\n  \"region\"");
        Files.writeString(local.fileOf(ID), example);
        ConversationDocument document = ConversationDocument.decode("s3://b/k", example.getBytes(StandardCharsets.UTF_8), ID);
        AssistantMessage more = new AssistantMessage("more", Instant.parse("2025-01-09T19:00:00Z"), "More.");

        byte[] changed = document.encodeChanged(document.conversation().append(more));
        local.append(ID, more);

        assertThat(changed).isEqualTo(Files.readAllBytes(local.fileOf(ID)));
        assertThat(new String(changed, StandardCharsets.UTF_8)).contains("\"audit\": [", "1.50", "\"caf\u00e9\"");
        assertThat(document.encodeChanged(document.conversation())).isEqualTo(
                document.encodeChanged(document.conversation()));
    }

    @Test
    void aCorruptDocumentFailsAsALocalFileWithTheSameContentDoes() throws IOException {
        JsonConversationRepository local = new JsonConversationRepository(folder);
        String truncated = TestFiles.formatExample().substring(0, 200);
        Files.writeString(local.fileOf(ID), truncated);
        String localReason = null;
        try {
            local.load(ID);
        } catch (CorruptConversationException e) {
            localReason = e.reason();
        }

        String expected = localReason;
        assertThat(expected).isNotNull();
        assertThatThrownBy(() -> ConversationDocument.decode("s3://bucket/key.json",
                truncated.getBytes(StandardCharsets.UTF_8), ID))
                .isInstanceOfSatisfying(CorruptConversationException.class, e -> {
                    assertThat(e.location()).isEqualTo("s3://bucket/key.json");
                    assertThat(e.reason()).isEqualTo(expected);
                });
    }

    @Test
    void theSummaryCacheGivesASummaryOnlyForTheVersionItWasReadFrom() {
        Path file = folder.resolve("cache/summaries");
        Conversation conversation = ConversationRepositoryContract.withMessages(ID, Instant.parse("2025-01-09T19:00:00Z"), 2);
        SummaryCache first = SummaryCache.open(file);
        first.put("\"etag-1\"", 100, 5_000, conversation.summary());
        first.save();

        SummaryCache next = SummaryCache.open(file);

        assertThat(next.summaryOf(ID, "\"etag-1\"", 100, 5_000)).contains(conversation.summary());
        assertThat(next.summaryOf(ID, "\"etag-2\"", 100, 5_000)).isEmpty();
        assertThat(next.summaryOf(ID, "\"etag-1\"", 101, 5_000)).isEmpty();
    }
}
