package io.redux.storage.json;

import io.redux.domain.error.StorageException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds off other writers of one conversation, in this JVM and in other processes. An OS file lock on a sidecar
 * file works across processes (not the data file: each write renames a new inode over it); an OS lock belongs to
 * the whole JVM, so threads queue on an in-JVM lock first, shared by every repository of the JVM.
 *
 * <p>A lock file lives as long as its conversation: deleting the conversation removes it, while holding it. Another
 * process may be waiting on that very file, opened before it was removed; were it to take the lock on it, it would
 * write at the same time as a third process locking a new file of the same name. So the remover marks the removed
 * file retired (one byte; a lock file is otherwise empty), and whoever locks a retired file lets go and opens the
 * file again: a new one, or the one the third process holds.
 */
final class ConversationLocks {

    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final byte[] RETIRED = {'x'};

    private ConversationLocks() {
    }

    /** Blocks until this thread holds the conversation whose lock file is {@code lockFile}. */
    static Held acquire(Path lockFile, FileAttribute<?>... attributes) throws IOException {
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(lockFile, path -> new ReentrantLock());
        if (threadLock.isHeldByCurrentThread()) {
            // Checked before opening the file: closing a second channel on it would drop the OS lock held by the first.
            throw new IllegalStateException("This thread already holds " + lockFile.getFileName()
                    + ": a change to a conversation must not itself change that conversation");
        }
        threadLock.lock();
        try {
            while (true) {
                Held held = lockFile(threadLock, lockFile, attributes);
                if (held != null) {
                    return held;
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            threadLock.unlock();
            throw e;
        }
    }

    /** The OS lock on the file now at {@code lockFile}, or null when the file locked had been retired meanwhile. */
    private static Held lockFile(ReentrantLock threadLock, Path lockFile, FileAttribute<?>... attributes)
            throws IOException {
        FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                attributes);
        try {
            FileLock fileLock = channel.lock();
            if (!retired(channel)) {
                return new Held(threadLock, lockFile, channel, fileLock);
            }
            channel.close();
            // Only a removed file is ever marked: one at the path was written by something else, and would be
            // opened again and again.
            if (markedAtPath(lockFile)) {
                // Not an I/O failure of the folder: the one way out is to remove that file.
                throw new StorageException("Lock file " + lockFile + " is not empty (a lock file always is), so the"
                        + " conversation was left as it is; remove it");
            }
            return null;
        } catch (IOException | RuntimeException | Error e) {
            try {
                channel.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static boolean markedAtPath(Path lockFile) {
        try {
            return Files.size(lockFile) > 0;
        } catch (IOException e) {
            return false; // Gone: the next open makes a new one.
        }
    }

    /** Whether {@code channel}'s lock file was removed with its conversation, and must not be taken as the lock. */
    static boolean retired(FileChannel channel) throws IOException {
        return channel.size() > 0;
    }

    /** A held lock; closing it lets the next writer in. */
    static final class Held implements AutoCloseable {
        private final ReentrantLock threadLock;
        private final Path lockFile;
        private final FileChannel channel;
        private final FileLock fileLock;

        private Held(ReentrantLock threadLock, Path lockFile, FileChannel channel, FileLock fileLock) {
            this.threadLock = threadLock;
            this.lockFile = lockFile;
            this.channel = channel;
            this.fileLock = fileLock;
        }

        /**
         * Removes the lock file, for a conversation that no longer exists, and marks it retired for whoever still has
         * it open. Where an open file cannot be removed (Windows), it stays, unmarked, a lock file as before.
         */
        void removeFile() throws IOException {
            try {
                Files.delete(lockFile);
            } catch (IOException e) {
                return;
            }
            channel.write(ByteBuffer.wrap(RETIRED), 0);
        }

        @Override
        public void close() throws IOException {
            try {
                fileLock.release();
                channel.close();
            } finally {
                threadLock.unlock();
            }
        }
    }
}
