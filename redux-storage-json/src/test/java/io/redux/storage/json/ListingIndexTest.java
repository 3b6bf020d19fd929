package io.redux.storage.json;

import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationListing;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.ConversationSummary;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.UserMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A listing remembers what it read in the folder's summary index, and never believes it about a changed file. */
class ListingIndexTest {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    private static final ModelId MODEL = ModelId.parse("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0");

    @TempDir
    Path folder;

    private JsonConversationRepository repository;
    private ConversationId first;
    private ConversationId second;

    @BeforeEach
    void twoConversations() {
        assumeTrue(FileStamp.of(folder).isPresent(), "this file system gives no inodes, so nothing is indexed");
        repository = new JsonConversationRepository(folder);
        first = ConversationId.random();
        second = ConversationId.random();
        repository.create(Conversation.start(first, MODEL, ConversationMetadata.EMPTY, T0)
                .append(new UserMessage("m1", T0.plusSeconds(1), "first question")));
        repository.create(Conversation.start(second, MODEL, ConversationMetadata.EMPTY, T0.plusSeconds(5))
                .append(new UserMessage("m1", T0.plusSeconds(6), "second question")));
    }

    @Test
    void aSecondListingGivesWhatTheFirstGaveAndTheIndexIsPrivate() throws IOException {
        ConversationListing fromFiles = repository.list();
        ConversationListing fromIndex = new JsonConversationRepository(folder).list();

        assertThat(fromIndex).isEqualTo(fromFiles);
        assertThat(fromFiles.conversations()).extracting(ConversationSummary::title)
                .containsExactly("second question", "first question");
        Path index = folder.resolve(".summary-index");
        assertThat(index).exists();
        if (Files.getFileStore(index).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(index))).isEqualTo("rw-------");
        }
    }

    @Test
    void theIndexIsWhatASecondListingReads() throws IOException {
        repository.list();
        // A summary the files do not hold, under the file's true stamp: only a listing that trusts the index shows it.
        FileStamp stamp = FileStamp.of(repository.fileOf(first)).orElseThrow();
        ConversationSummary planted = new ConversationSummary(first, T0, T0.plusSeconds(1), MODEL.toString(), 1,
                "planted title", null);
        SummaryIndex.save(folder.resolve(".summary-index"), Map.of(first, new SummaryIndex.Entry(stamp, planted)));

        assertThat(repository.list().conversations()).extracting(ConversationSummary::title)
                .containsExactly("second question", "planted title");
    }

    @Test
    void aConversationChangedSinceTheLastListingIsReadAgain() {
        repository.list();

        new JsonConversationRepository(folder).append(first, new UserMessage("m2", T0.plusSeconds(60), "more"));

        ConversationSummary changed = repository.list().conversations().get(0);
        assertThat(changed.id()).isEqualTo(first);
        assertThat(changed.messageCount()).isEqualTo(2);
        assertThat(changed.updatedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aFileThatBecameCorruptIsReportedNotTakenFromTheIndex() throws IOException {
        repository.list();

        Files.writeString(repository.fileOf(first), "{\"conversation_id\": tru");

        ConversationListing listing = repository.list();
        assertThat(listing.conversations()).extracting(ConversationSummary::id).containsExactly(second);
        assertThat(listing.unreadable()).singleElement()
                .satisfies(problem -> assertThat(problem.location()).isEqualTo(repository.fileOf(first).toString()));
    }

    @Test
    void aDeletedConversationLeavesTheListing() {
        repository.list();

        repository.delete(first);

        assertThat(repository.list().conversations()).extracting(ConversationSummary::id).containsExactly(second);
    }

    @Test
    void aDeletedConversationLeavesTheIndexToo() {
        repository.list();

        repository.delete(first);
        repository.list();

        assertThat(SummaryIndex.load(folder.resolve(".summary-index")).size()).isEqualTo(1);
    }

    @Test
    void aConversationUnderTwoNamesDoesNotHideADeletionFromTheIndex() throws IOException {
        repository.list();
        // Two names of the first file, each found in the index; as many summaries as the index had entries.
        Path upperCase = folder.resolve(first.toString().toUpperCase() + ".json");
        Files.createLink(upperCase, repository.fileOf(first));
        repository.delete(second);

        assertThat(repository.list().conversations()).extracting(ConversationSummary::id).containsExactly(first, first);
        assertThat(SummaryIndex.load(folder.resolve(".summary-index")).size()).isEqualTo(1);
    }

    @Test
    void aTruncatedIndexIsIgnoredAndRebuilt() throws IOException {
        ConversationListing fromFiles = repository.list();
        Path index = folder.resolve(".summary-index");
        byte[] content = Files.readAllBytes(index);
        Files.write(index, Arrays.copyOf(content, content.length - 7));

        assertThat(repository.list()).isEqualTo(fromFiles);
        assertThat(Files.readAllBytes(index)).isEqualTo(content);
    }

    @Test
    void anIndexWithOneWrongByteIsNotBelieved() throws IOException {
        ConversationListing fromFiles = repository.list();
        Path index = folder.resolve(".summary-index");
        byte[] content = Files.readAllBytes(index);
        // Inside the last title or working directory: still well-formed, only the checksum can tell.
        content[content.length - 12] ^= 0x01;
        Files.write(index, content);

        assertThat(SummaryIndex.load(index).differsFrom(Map.of())).isFalse();
        assertThat(repository.list()).isEqualTo(fromFiles);
    }

    @Test
    void aSummaryTooLongToIndexDoesNotMakeEveryListingRewriteTheIndex() throws IOException {
        String longDirectory = "/" + "d".repeat(20 * 1024);
        repository.create(Conversation.start(ConversationId.random(), MODEL,
                ConversationMetadata.EMPTY.withWorkingDirectory(longDirectory), T0.plusSeconds(10)));
        ConversationListing listed = repository.list();
        Path index = folder.resolve(".summary-index");
        // An old time, so a rewrite shows even where the clock's step is coarser than the test.
        FileTime old = FileTime.from(T0);
        Files.setLastModifiedTime(index, old);
        Object fileKey = Files.readAttributes(index, BasicFileAttributes.class).fileKey();

        assertThat(repository.list()).isEqualTo(listed);
        assertThat(Files.getLastModifiedTime(index)).isEqualTo(old);
        assertThat(Files.readAttributes(index, BasicFileAttributes.class).fileKey()).isEqualTo(fileKey);
    }
}
