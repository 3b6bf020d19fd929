package io.redux.storage.json;

import io.redux.domain.error.CorruptConversationException;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationListing;
import io.redux.domain.model.ConversationSummary;
import io.redux.domain.model.UserMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Only regular files are read, never through a link, and never beyond a size limit: anything else under a
 * conversation's name (a FIFO, a device, a folder, a link) is reported as unreadable and skipped, never opened.
 * The timeouts only keep a regression from hanging the build: opening a FIFO blocks until someone writes to it.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SpecialFilesTest {

    private static final ConversationId ID = ConversationId.parse("550e8400-e29b-41d4-a716-446655440000");

    @TempDir
    Path directory;
    private JsonConversationRepository repository;
    private Path file;
    private ConversationId good;

    @BeforeEach
    void aReadableConversationBeside() throws IOException {
        repository = new JsonConversationRepository(directory);
        file = repository.fileOf(ID);
        good = ConversationId.random();
        Files.writeString(repository.fileOf(good), TestFiles.formatExample().replace(ID.toString(), good.toString()));
    }

    @Test
    void aFifoIsReportedNotOpened() throws Exception {
        mkfifo(file);

        assertUnreadable("not a regular file");
    }

    @Test
    void aLinkToAnEndlessDeviceIsReportedNotFollowed() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "a system with /dev/zero");
        Files.createSymbolicLink(file, Path.of("/dev/zero"));

        assertUnreadable("symbolic link");
    }

    @Test
    void aLinkToAConversationIsNotFollowedEither() throws IOException {
        Path elsewhere = Files.writeString(directory.resolve("elsewhere"), TestFiles.formatExample());
        Files.createSymbolicLink(file, elsewhere);

        assertUnreadable("symbolic link");
    }

    @Test
    void aFolderIsReported() throws IOException {
        Files.createDirectory(file);

        assertUnreadable("folder");
    }

    @Test
    void aFileBeyondTheSizeLimitIsReportedUnread() throws IOException {
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(RegularFileReader.LARGEST_FILE + 1);
        }

        assertUnreadable("larger than");
    }

    @Test
    void aFifoInPlaceOfTheSummaryIndexIsIgnored() throws Exception {
        mkfifo(directory.resolve(".summary-index"));

        ConversationListing listing = repository.list();

        assertThat(listing.conversations()).extracting(ConversationSummary::id).containsExactly(good);
        assertThat(listing.unreadable()).isEmpty();
    }

    private void assertUnreadable(String reason) throws IOException {
        assertThatThrownBy(() -> repository.find(ID)).isInstanceOfSatisfying(CorruptConversationException.class, e -> {
            assertThat(e.location()).isEqualTo(file.toString());
            assertThat(e.reason()).contains(reason);
            assertThat(e.getMessage()).as("one sentence of advice").containsOnlyOnce("move it away");
        });
        assertThatThrownBy(() -> repository.append(ID, new UserMessage("new", Instant.now(), "lost?")))
                .isInstanceOf(CorruptConversationException.class);

        ConversationListing listing = repository.list();

        assertThat(listing.conversations()).extracting(ConversationSummary::id).containsExactly(good);
        assertThat(listing.unreadable()).singleElement().satisfies(unreadable -> {
            assertThat(unreadable.location()).isEqualTo(file.toString());
            assertThat(unreadable.reason()).contains(reason);
        });
        repository.delete(ID);
        assertThat(Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    /** A FIFO, made by the system's mkfifo; the test is skipped where there is none (Windows). */
    static void mkfifo(Path path) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        } catch (IOException noMkfifo) {
            assumeTrue(false, "mkfifo is not available: " + noMkfifo.getMessage());
            return;
        }
        assertThat(process.waitFor()).isZero();
    }
}
