package io.redux.cli.output;

import io.redux.domain.error.InvalidInputException;
import io.redux.domain.error.StorageException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a user-chosen output file whole or not at all, and never replaces one unless told to. */
public final class SafeFileWriter {

    private SafeFileWriter() {
    }

    /** What goes into the file, written as it is produced (see {@link #write(Path, Content, boolean)}). */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content; an {@link UncheckedIOException} counts as the output's failure too. */
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Writes UTF-8 text produced as it goes, so it need not fit in memory: into a temporary file next to
     * {@code target}, renamed over it only when all of it is written.
     */
    public static void write(Path target, Content content, boolean replace) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new InvalidInputException(target + " is a folder; give a file name to write to");
        }
        if (!replace && Files.exists(absolute)) {
            throw new InvalidInputException(target + " already exists; choose another file or pass --force to replace it");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new InvalidInputException("The folder of " + target + " does not exist; create it first");
        }
        Path temporary = null;
        try {
            temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
            move(temporary, absolute, replace);
        } catch (FileAlreadyExistsException e) {
            throw new InvalidInputException(target + " already exists; choose another file or pass --force to replace it");
        } catch (IOException e) {
            throw new StorageException("Cannot write " + target + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new StorageException("Cannot write " + target + ": " + e.getCause().getMessage(), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static void move(Path from, Path to, boolean replace) throws IOException {
        if (replace) {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } else {
            // A hard link fails if the target appeared meanwhile, where a rename would silently replace it.
            try {
                Files.createLink(to, from);
            } catch (UnsupportedOperationException e) {
                Files.move(from, to);
            }
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // A stray hidden temporary file is harmless; the export itself succeeded or reported its error.
            }
        }
    }
}
