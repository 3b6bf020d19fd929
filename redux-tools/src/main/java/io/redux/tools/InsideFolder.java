package io.redux.tools;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Set;

/**
 * Opens a path for reading only if what is opened lies inside a folder: what is checked is what is read. The path's
 * real path (links followed) is checked to be inside; then it is opened from the folder down, one name at a time,
 * following no symbolic link ({@link SecureDirectoryStream}, which is openat with O_NOFOLLOW), so a link swapped in
 * after the check leads nowhere. Where the JDK has no secure directory stream (Windows, and macOS before JDK 24) the
 * real path is opened without following a last link and then verified: it must still be its own real path and the same
 * file (file key) as when checked. That leaves a link swapped in and back out during the open itself unnoticed; where
 * the file system has no file keys, nothing is opened at all.
 */
final class InsideFolder {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    private static final Set<OpenOption> READ_NOT_A_LINK = Set.of(StandardOpenOption.READ, NOFOLLOW);

    /** A path found inside the folder: its real path, that path relative to the folder, and which file it was. */
    record Checked(Path realPath, Path relative, Object fileKey) {
    }

    private final Path folder;

    InsideFolder(Path folder) throws IOException {
        this.folder = folder.toRealPath();
    }

    /**
     * What {@code path} names, opened, if it lies inside the folder; empty, with nothing opened, if it does not or if
     * it changed since it was checked. @throws NoSuchFileException if it does not exist and would be inside
     */
    Optional<Opened> open(Path path, int listingLimit) throws IOException {
        Optional<Checked> checked = check(path);
        return checked.isEmpty() ? Optional.empty() : openChecked(checked.get(), listingLimit);
    }

    Optional<Checked> check(Path path) throws IOException {
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            if (nearestExistingAncestorIsInside(path)) {
                throw e;
            }
            return Optional.empty();
        }
        if (!real.startsWith(folder)) {
            return Optional.empty();
        }
        Object fileKey = Files.readAttributes(real, BasicFileAttributes.class, NOFOLLOW).fileKey();
        return Optional.of(new Checked(real, folder.relativize(real), fileKey));
    }

    /** Opens what was checked by walking down from the folder without following a link. */
    Optional<Opened> openChecked(Checked checked, int listingLimit) throws IOException {
        DirectoryStream<Path> top;
        try {
            top = Files.newDirectoryStream(folder);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!(top instanceof SecureDirectoryStream)) {
            top.close();
            return openVerified(checked, listingLimit);
        }
        @SuppressWarnings("unchecked")
        SecureDirectoryStream<Path> directory = (SecureDirectoryStream<Path>) top;
        try {
            Path relative = checked.relative();
            if (relative.toString().isEmpty()) {
                return Optional.of(list(directory, listingLimit));
            }
            for (int i = 0; i < relative.getNameCount() - 1; i++) {
                SecureDirectoryStream<Path> next = directory.newDirectoryStream(relative.getName(i), NOFOLLOW);
                directory.close();
                directory = next;
            }
            Path name = relative.getFileName();
            BasicFileAttributes attributes = directory
                    .getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW).readAttributes();
            if (attributes.isDirectory()) {
                try (SecureDirectoryStream<Path> listed = directory.newDirectoryStream(name, NOFOLLOW)) {
                    return Optional.of(list(listed, listingLimit));
                }
            }
            requireFile(attributes, relative);
            return Optional.of(new Opened.File(directory.newByteChannel(name, READ_NOT_A_LINK)));
        } catch (NotAFileException e) {
            throw e;
        } catch (IOException e) {
            // A link where the check found a folder or file (ELOOP), the entry gone, or not readable: not opened here;
            // the user is asked, and a run they allow reports any error.
            return Optional.empty();
        } finally {
            directory.close();
        }
    }

    /** A named pipe, a socket or a device: opening one could wait forever (a pipe, for a writer) or never end. */
    static final class NotAFileException extends IOException {
        NotAFileException(Path path) {
            super(path + " is not a regular file");
        }
    }

    private static void requireFile(BasicFileAttributes attributes, Path path) throws NotAFileException {
        if (attributes.isOther()) {
            throw new NotAFileException(path);
        }
    }

    /** Opens the checked real path, then makes sure it is still the file that was checked. */
    Optional<Opened> openVerified(Checked checked, int listingLimit) throws IOException {
        if (checked.fileKey() == null) {
            return Optional.empty();
        }
        Path real = checked.realPath();
        Opened opened;
        try {
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class, NOFOLLOW);
            requireFile(attributes, real);
            if (attributes.isDirectory()) {
                try (DirectoryStream<Path> listed = Files.newDirectoryStream(real)) {
                    opened = Opened.Directory.list(listed, name -> Files.isDirectory(real.resolve(name)), listingLimit);
                }
            } else {
                opened = new Opened.File(Files.newByteChannel(real, READ_NOT_A_LINK));
            }
        } catch (NotAFileException e) {
            throw e;
        } catch (IOException e) {
            return Optional.empty();
        }
        if (isStill(checked)) {
            return Optional.of(opened);
        }
        if (opened instanceof Opened.File file) {
            file.channel().close();
        }
        return Optional.empty();
    }

    private static boolean isStill(Checked checked) {
        try {
            Path real = checked.realPath();
            return real.toRealPath().equals(real) && checked.fileKey()
                    .equals(Files.readAttributes(real, BasicFileAttributes.class, NOFOLLOW).fileKey());
        } catch (IOException e) {
            return false;
        }
    }

    private static Opened.Directory list(SecureDirectoryStream<Path> directory, int limit) throws IOException {
        return Opened.Directory.list(directory, name -> directory
                .getFileAttributeView(name, BasicFileAttributeView.class).readAttributes().isDirectory(), limit);
    }

    /** For a path that does not exist: whether it would be inside, judged by the real path of what does exist. */
    private boolean nearestExistingAncestorIsInside(Path path) throws IOException {
        for (Path ancestor = path.toAbsolutePath().getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            try {
                return ancestor.toRealPath().startsWith(folder);
            } catch (NoSuchFileException e) {
                // Not there either: judge by its parent.
            }
        }
        return false;
    }
}
