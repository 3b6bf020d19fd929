package io.redux.tools;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The default trust of {@code file_read}: what is checked to be inside the folder is what is opened. A swap between
 * the check and the open cannot be timed in a test, so the tests freeze the moment after it: the check is taken,
 * the folder is changed as a racing process would change it, and the open must refuse.
 */
class InsideFolderTest {

    @TempDir
    Path temp;

    private Path folder;
    private Path outside;
    private InsideFolder inside;

    @BeforeEach
    void aFolderAndASecretOutsideIt() throws IOException {
        folder = Files.createDirectory(temp.resolve("project"));
        outside = Files.createDirectory(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "the launch code");
        Files.createDirectory(outside.resolve("real"));
        Files.writeString(outside.resolve("real/notes.txt"), "the launch code");
        inside = new InsideFolder(folder);
    }

    @Test
    void opensAFileInsideTheFolder() throws IOException {
        Files.createDirectories(folder.resolve("src"));
        Files.writeString(folder.resolve("src/notes.txt"), "inside");

        assertThat(read(inside.open(folder.resolve("src/notes.txt"), 10))).isEqualTo("inside");
    }

    @Test
    void listsTheFolderItselfAndAFolderInside() throws IOException {
        Files.createDirectories(folder.resolve("src"));
        Files.writeString(folder.resolve("a.txt"), "");

        assertThat(inside.open(folder, 10)).contains(new Opened.Directory(List.of("a.txt", "src/"), false));
        assertThat(inside.open(folder.resolve("src"), 10)).contains(new Opened.Directory(List.of(), false));
    }

    @Test
    void refusesAPathOutside() throws IOException {
        assertThat(inside.open(folder.resolve("../outside/secret.txt").normalize(), 10)).isEmpty();
        assertThat(inside.open(outside.resolve("secret.txt"), 10)).isEmpty();
        assertThat(inside.open(outside, 10)).isEmpty();
    }

    @Test
    void refusesALinkLeadingOutside() throws IOException {
        Files.createSymbolicLink(folder.resolve("link.txt"), outside.resolve("secret.txt"));

        assertThat(inside.open(folder.resolve("link.txt"), 10)).isEmpty();
    }

    @Test
    void refusesAPathWhoseParentIsALinkLeadingOutside() throws IOException {
        Files.createSymbolicLink(folder.resolve("real"), outside.resolve("real"));

        assertThat(inside.open(folder.resolve("real/notes.txt"), 10)).isEmpty();
    }

    @Test
    void aLinkThatStaysInsideReadsTheFileItLeadsTo() throws IOException {
        Files.createDirectories(folder.resolve("docs"));
        Files.writeString(folder.resolve("docs/readme.txt"), "the real one");
        Files.createSymbolicLink(folder.resolve("shortcut"), folder.resolve("docs"));

        assertThat(read(inside.open(folder.resolve("shortcut/readme.txt"), 10))).isEqualTo("the real one");
    }

    @Test
    void aMissingFileInsideIsReportedAndOneOutsideIsRefused() throws IOException {
        assertThat(catchThrowable(() -> inside.open(folder.resolve("nope.txt"), 10)))
                .isInstanceOf(NoSuchFileException.class);
        assertThat(inside.open(outside.resolve("nope.txt"), 10)).isEmpty();
    }

    @Test
    void aParentSwappedForALinkAfterTheCheckIsRefused() throws IOException {
        Path real = Files.createDirectory(folder.resolve("real"));
        Files.writeString(real.resolve("notes.txt"), "harmless");
        InsideFolder.Checked checked = inside.check(real.resolve("notes.txt")).orElseThrow();

        swapForALinkOutside(real);

        assertThat(inside.openChecked(checked, 10)).isEmpty();
    }

    @Test
    void withoutSecureDirectoriesTheFileOpenedMustStillBeTheOneChecked() throws IOException {
        Path real = Files.createDirectory(folder.resolve("real"));
        Files.writeString(real.resolve("notes.txt"), "harmless");
        InsideFolder.Checked checked = inside.check(real.resolve("notes.txt")).orElseThrow();
        assertThat(read(inside.openVerified(checked, 10))).isEqualTo("harmless");

        swapForALinkOutside(real);

        assertThat(inside.openVerified(checked, 10)).isEmpty();
    }

    @Test
    void aFileSwappedForALinkAfterTheCheckIsRefusedEitherWay() throws IOException {
        Path notes = Files.writeString(folder.resolve("notes.txt"), "harmless");
        InsideFolder.Checked checked = inside.check(notes).orElseThrow();

        Files.delete(notes);
        Files.createSymbolicLink(notes, outside.resolve("secret.txt"));

        assertThat(inside.openChecked(checked, 10)).isEmpty();
        assertThat(inside.openVerified(checked, 10)).isEmpty();
    }

    /** What a racing process does: the checked folder moves away and a link to the outside takes its name. */
    private void swapForALinkOutside(Path directory) throws IOException {
        Files.move(directory, temp.resolve("moved-away"));
        Files.createSymbolicLink(directory, outside.resolve("real"));
    }

    private static String read(Optional<Opened> opened) throws IOException {
        assertThat(opened).isPresent();
        try (var channel = ((Opened.File) opened.get()).channel()) {
            ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read on
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        }
    }
}
