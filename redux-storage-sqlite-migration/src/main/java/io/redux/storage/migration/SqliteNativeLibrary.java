package io.redux.storage.migration;

import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;
import org.sqlite.util.OSInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/**
 * Where sqlite-jdbc loads its native library from. Left alone, the driver copies the library into
 * {@code java.io.tmpdir} under a new random name, with a {@code .lck} file beside it, the first time a JVM opens a
 * database, and removes both only when the JVM exits normally: every killed migration left them behind for good.
 * (Its {@code org.sqlite.tmpdir} setting only moves that pile elsewhere.) {@link #cacheIn} copies the library once per
 * driver version and platform into a folder of the user's cache and has the driver load that copy
 * ({@code org.sqlite.lib.path} and {@code org.sqlite.lib.name}), so nothing is written to the temporary folder.
 */
final class SqliteNativeLibrary {

    private static final String LIBRARY_PATH = "org.sqlite.lib.path";
    private static final String LIBRARY_NAME = "org.sqlite.lib.name";

    private SqliteNativeLibrary() {
    }

    /**
     * {@code $XDG_CACHE_HOME/redux_cli/sqlite} when {@code XDG_CACHE_HOME} is an absolute path, else
     * {@code <userHome>/.cache/redux_cli/sqlite}: the cache the launcher uses too.
     */
    public static Path defaultCacheFolder(Map<String, String> environment, Path userHome) {
        Path cache = EnvironmentPaths.absolute(environment.get("XDG_CACHE_HOME")).orElse(userHome.resolve(".cache"));
        return cache.resolve("redux_cli").resolve("sqlite");
    }

    /**
     * Has the driver load its native library from {@code <cacheFolder>/<driver version>/<os>/<arch>/}, copying it
     * there first unless an identical copy is there already. The copy is written under a temporary name and renamed,
     * so a concurrent run never loads half a file. Call it before the JVM opens its first database; it does nothing
     * when the JVM was already told where the library is, and when the folder cannot be written the driver extracts
     * the library as it always did.
     */
    public static synchronized void cacheIn(Path cacheFolder) {
        if (System.getProperty(LIBRARY_PATH) != null) {
            return;
        }
        String resourceFolder = LibraryLoaderUtil.getNativeLibResourcePath();
        String name = LibraryLoaderUtil.getNativeLibName();
        if (!LibraryLoaderUtil.hasNativeLib(resourceFolder, name)) {
            return;
        }
        Path folder = cacheFolder.resolve(SQLiteJDBCLoader.getVersion()).resolve(OSInfo.getNativeLibFolderPathForCurrentOS());
        try {
            copyUnlessPresent(resourceFolder + "/" + name, folder, name);
        } catch (IOException | RuntimeException e) {
            // No cache folder we can write: the driver's own extraction still works.
            return;
        }
        System.setProperty(LIBRARY_PATH, folder.toString());
        System.setProperty(LIBRARY_NAME, name);
    }

    private static void copyUnlessPresent(String resource, Path folder, String name) throws IOException {
        Path library = folder.resolve(name);
        if (Files.isRegularFile(library) && sameContent(resource, library)) {
            return;
        }
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] privateFolder = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
        Files.createDirectories(folder, privateFolder);
        Path temporary = folder.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
        try {
            try (InputStream in = resource(resource)) {
                Files.copy(in, temporary);
            }
            if (posix) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rwx------"));
            }
            try {
                Files.move(temporary, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(temporary, library, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Whether the cached copy is this driver's library, byte for byte (a damaged or older copy is replaced). */
    private static boolean sameContent(String resource, Path library) throws IOException {
        try (InputStream expected = resource(resource)) {
            return Arrays.equals(expected.readAllBytes(), Files.readAllBytes(library));
        }
    }

    private static InputStream resource(String resource) throws IOException {
        InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("no " + resource + " in the driver");
        }
        return in;
    }
}
