package io.redux.storage.json;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
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
 * <p>Lock files are never deleted: deleting one while another process waits on it would let a third process lock
 * a new file of the same name at the same time.
 */
final class ConversationLocks {

    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

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
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), attributes);
            FileLock fileLock = channel.lock();
            return new Held(threadLock, channel, fileLock);
        } catch (IOException | RuntimeException | Error e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
            threadLock.unlock();
            throw e;
        }
    }

    /** A held lock; closing it lets the next writer in. */
    static final class Held implements AutoCloseable {
        private final ReentrantLock threadLock;
        private final FileChannel channel;
        private final FileLock fileLock;

        private Held(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
            this.threadLock = threadLock;
            this.channel = channel;
            this.fileLock = fileLock;
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
