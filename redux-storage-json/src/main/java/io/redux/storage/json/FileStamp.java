package io.redux.storage.json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What tells one version of a file from another without reading it: its inode, size and modification time. Every
 * write of a conversation renames a new inode over the old one, so another writer's change always shows here; an
 * edit in place shows in the size or the time. Only file systems that report an inode give a stamp: elsewhere the
 * caller cannot tell and must read the file.
 */
record FileStamp(String fileKey, long size, long modifiedNanos) {

    /** The stamp of the file as it is now; empty when the file system has no inodes or the file is gone. */
    static Optional<FileStamp> of(Path file) {
        try {
            // Of the link itself, if it is one: a link is never read (see RegularFileReader), so never listed as fine.
            return of(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<FileStamp> of(BasicFileAttributes attributes) {
        Object key = attributes.fileKey();
        if (key == null) {
            return Optional.empty();
        }
        return Optional.of(new FileStamp(key.toString(), attributes.size(),
                attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
    }

    // Written out, as ConversationId's: the generated equals costs a fresh JVM about 10 ms to link on its first call.

    @Override
    public boolean equals(Object other) {
        return other instanceof FileStamp stamp && size == stamp.size && modifiedNanos == stamp.modifiedNanos
                && fileKey.equals(stamp.fileKey);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * fileKey.hashCode() + Long.hashCode(size)) + Long.hashCode(modifiedNanos);
    }
}
