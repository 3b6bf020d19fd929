package io.redux.storage.json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Opens the files of the conversations folder: regular files only, never through a symbolic link, and none larger
 * than {@link #LARGEST_FILE}. Opening a FIFO would block until someone writes to it and a device such as
 * {@code /dev/zero} never ends, so the kind of file is checked before it is opened, without following links, and
 * the open refuses a link that appeared meanwhile. (A FIFO swapped in between the check and the open would still
 * block: only someone who can write to the private folder can do that.)
 */
final class RegularFileReader {

    /** A sanity limit far above any real conversation, so a wrong file never fills the memory or the disk. */
    static final long LARGEST_FILE = 1L << 30;

    /** Why a file is not read: it is not a regular file, or it is too large. */
    static final class UnsuitableFileException extends IOException {
        private final String reason;

        UnsuitableFileException(Path file, String reason) {
            super(file + ": " + reason);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    private RegularFileReader() {
    }

    /**
     * The whole content of {@code file}.
     *
     * @throws UnsuitableFileException when it is not a regular file or is larger than {@link #LARGEST_FILE}
     * @throws IOException             when it cannot be read (missing: {@link java.nio.file.NoSuchFileException})
     */
    static byte[] readAllBytes(Path file) throws IOException {
        return readAllBytes(file, attributesOf(file));
    }

    /**
     * The whole content of {@code file}, whose attributes (not following links) the caller has just read: a listing
     * reads them anyway for the file's stamp, and a second look costs a system call per file.
     *
     * @throws UnsuitableFileException when it is not a regular file or is larger than {@link #LARGEST_FILE}
     * @throws IOException             when it cannot be read (missing: {@link java.nio.file.NoSuchFileException})
     */
    static byte[] readAllBytes(Path file, BasicFileAttributes attributes) throws IOException {
        try (SeekableByteChannel channel = open(file, attributes)) {
            long size = channel.size();
            if (size > LARGEST_FILE) {
                throw tooLarge(file, size);
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // Reads until the buffer is full or the file ends (it shrank: an edit in place, read as it is).
            }
            return buffer.hasRemaining() ? Arrays.copyOf(buffer.array(), buffer.position()) : buffer.array();
        }
    }

    /**
     * Opens {@code file} for reading after checking it is a regular file of at most {@link #LARGEST_FILE}.
     *
     * @throws UnsuitableFileException when it is not
     */
    static SeekableByteChannel open(Path file) throws IOException {
        return open(file, attributesOf(file));
    }

    /** The attributes of {@code file} itself, a link's own if it is one: what every check here is made on. */
    static BasicFileAttributes attributesOf(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    private static SeekableByteChannel open(Path file, BasicFileAttributes attributes) throws IOException {
        if (!attributes.isRegularFile()) {
            throw new UnsuitableFileException(file, kind(attributes));
        }
        if (attributes.size() > LARGEST_FILE) {
            throw tooLarge(file, attributes.size());
        }
        return Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    private static String kind(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return "it is a symbolic link, not a regular file (links are not followed; put the file itself here)";
        }
        if (attributes.isDirectory()) {
            return "it is a folder, not a regular file";
        }
        return "it is not a regular file (a FIFO, socket or device)";
    }

    private static UnsuitableFileException tooLarge(Path file, long size) {
        return new UnsuitableFileException(file, "it is larger than " + (LARGEST_FILE >> 20) + " MB ("
                + (size >> 20) + " MB), the most Redux reads");
    }
}
