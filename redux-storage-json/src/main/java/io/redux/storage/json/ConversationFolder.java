package io.redux.storage.json;

import io.redux.domain.error.ConversationsFolderException;
import io.redux.domain.error.StorageException;
import io.redux.domain.model.ConversationId;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The folder of conversation files: which name holds which conversation, its sidecar lock and temporary files, and
 * the folder's own checks. It is created (mode 0700) on the first write, never on a read.
 */
final class ConversationFolder {

    private static final Set<PosixFilePermission> WRITE_PERMISSIONS = EnumSet.of(PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private final Path directory;
    private final boolean posix;

    ConversationFolder(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
        this.posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    Path directory() {
        return directory;
    }

    Path fileOf(ConversationId id) {
        return directory.resolve(id + ".json");
    }

    /** Outside {@code <uuid>.json}, so listing never takes it for a conversation; one per conversation. */
    Path lockFileOf(ConversationId id) {
        return directory.resolve("." + id + ".lock");
    }

    /** Only the lock holder writes it, so one fixed name suffices and a crash's leftover is replaced next time. */
    Path tempFileOf(ConversationId id) {
        return directory.resolve("." + id + ".json.tmp");
    }

    /** The listing's cache of summaries (see {@link SummaryIndex}); its name is never taken for a conversation. */
    Path summaryIndexFile() {
        return directory.resolve(".summary-index");
    }

    /** File attributes for a new file: owner read/write only, where the file system has POSIX modes. */
    FileAttribute<?>[] privateFileAttributes() {
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    /** Creates the folder (mode 0700) if it is missing; fails with a fix when it cannot be a folder we write to. */
    void createIfMissing() {
        if (Files.isDirectory(directory)) {
            requireWritable();
            return;
        }
        requireNotAFile();
        try {
            if (posix) {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
            // The new folder's entry in its parent must survive a power cut too, or the files inside it would not.
            AtomicFileWriter.forceFolder(directory.getParent());
        } catch (IOException e) {
            throw failure("cannot be created", e);
        }
    }

    /** The files named {@code <uuid>.json}; an empty list when the folder does not exist yet. */
    List<Path> conversationFiles() {
        // All the names in one native call, where a directory stream makes one and a path per entry, whatever its
        // name. It tells no failure from another, so on failure the stream below says what went wrong.
        String[] names = directory.getFileSystem() == FileSystems.getDefault() ? directory.toFile().list() : null;
        if (names != null) {
            List<Path> files = new ArrayList<>(names.length);
            for (String name : names) {
                if (isConversationFile(name)) {
                    files.add(directory.resolve(name));
                }
            }
            return files;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory,
                entry -> isConversationFile(entry.getFileName().toString()))) {
            entries.forEach(files::add);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (NotDirectoryException e) {
            throw notAFolder();
        } catch (IOException e) {
            throw failure("cannot be read", e);
        }
        return files;
    }

    /** {@code <uuid>.json}, the uuid in its canonical form, in either case. */
    private static boolean isConversationFile(String name) {
        return name.length() == 41 && name.endsWith(".json") && ConversationId.isValid(name.substring(0, 36));
    }

    /**
     * Refuses to replace a conversation file its owner made read-only: a write renames a new file over it, which the
     * folder's permissions allow whatever the file's own. Read-only means no write permission bit at all (root may
     * write anything, so its access check alone would not tell), or no write access for this user.
     */
    void requireWritable(Path file) {
        boolean readOnly;
        try {
            readOnly = !Files.isWritable(file) || posix && Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)
                    .stream().noneMatch(WRITE_PERMISSIONS::contains);
        } catch (IOException e) {
            throw failure("cannot be read", e);
        }
        if (readOnly) {
            throw new StorageException("Conversation file " + file + " is read-only, so it was left as it is; make it"
                    + " writable (chmod u+w) to continue this conversation, or start a new one.");
        }
    }

    void requireNotAFile() {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw notAFolder();
        }
    }

    private void requireWritable() {
        if (!Files.isWritable(directory)) {
            throw new ConversationsFolderException("Conversations folder " + directory
                    + " is not writable; fix its permissions");
        }
    }

    StorageException notAFolder() {
        return new ConversationsFolderException("Conversations folder " + directory
                + " is a file, not a folder; move it away");
    }

    /** Turns an I/O failure into one line naming the path and the fix. */
    StorageException failure(String what, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new ConversationsFolderException("Conversations folder " + directory + " " + what
                    + ": permission denied on " + ((AccessDeniedException) e).getFile() + "; fix its permissions", e);
        }
        String detail = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.toString();
        return new ConversationsFolderException("Conversations folder " + directory + " " + what + ": " + detail
                + "; it needs to be a writable folder with free space", e);
    }
}
