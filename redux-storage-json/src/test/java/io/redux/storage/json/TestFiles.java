package io.redux.storage.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test documents and the repository's own files. */
final class TestFiles {

    private TestFiles() {
    }

    /**
     * The example of {@code docs/conversation-format.md} without its optional {@code usage}, {@code stop_reason},
     * {@code status} and {@code working_directory}: a file as the original CLI wrote it.
     */
    static String formatExample() {
        try (InputStream in = TestFiles.class.getResourceAsStream("/format-example.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The root of the repository, found upwards from the working directory by its {@code docs} folder. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("No repository root (a folder with mvnw and docs/) above "
                + Path.of("").toAbsolutePath());
    }
}
