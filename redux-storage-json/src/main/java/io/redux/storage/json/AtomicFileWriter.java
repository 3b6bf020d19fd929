package io.redux.storage.json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;

/**
 * Replaces a file so that a crash at any instant leaves the old content or the new, never a mix: the new content
 * goes to a temporary file in the same folder, is forced to disk, renamed over the target, and the folder itself
 * is forced so the rename survives a power cut. ({@link #writeCache} skips the forcing, for a file a crash may lose.)
 */
final class AtomicFileWriter {

    private AtomicFileWriter() {
    }

    static void write(Path target, Path temp, byte[] content, FileAttribute<?>... attributes) throws IOException {
        replace(target, temp, content, true, attributes);
        forceFolder(target.getParent());
    }

    /**
     * As {@link #write}, but nothing is forced to disk: readers still see the old content or the new, but after a
     * crash the file may be empty or damaged. Only for a cache that checks what it reads and is rebuilt when lost.
     */
    static void writeCache(Path target, Path temp, byte[] content, FileAttribute<?>... attributes) throws IOException {
        replace(target, temp, content, false, attributes);
    }

    private static void replace(Path target, Path temp, byte[] content, boolean force, FileAttribute<?>... attributes)
            throws IOException {
        Files.deleteIfExists(temp);
        try {
            try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), attributes)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (force) {
                    channel.force(true);
                }
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            // Out of memory included: no temporary file is left behind, whatever stopped the write.
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    static void delete(Path target) throws IOException {
        Files.delete(target);
        forceFolder(target.getParent());
    }

    /** Makes a rename or delete durable. Some platforms (Windows) cannot open a folder; there the OS decides. */
    static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not supported on this platform; the rename is still atomic, only its durability is the OS's.
        }
    }
}
