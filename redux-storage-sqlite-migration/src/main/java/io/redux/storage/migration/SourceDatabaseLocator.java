package io.redux.storage.migration;

import io.redux.domain.error.HistoryDatabaseNotFoundException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the original CLI's history database where it keeps it on this operating system: its data folder
 * ({@code $XDG_DATA_HOME}, else {@code ~/.local/share} on Linux; {@code ~/Library/Application Support} on macOS;
 * {@code %LOCALAPPDATA%} on Windows), in an {@code amazon-q} folder and in the newer {@code kiro-cli} one.
 *
 * <p>Environment, home folder and OS name are given, not read from the JVM, so tests and embedders choose them.
 */
final class SourceDatabaseLocator {

    private static final List<String> PRODUCT_FOLDERS = List.of(SourceDatabase.AMAZON_Q, SourceDatabase.KIRO_CLI);

    private final Map<String, String> environment;
    private final Path userHome;
    private final String osName;

    public SourceDatabaseLocator(Map<String, String> environment, Path userHome, String osName) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.userHome = Objects.requireNonNull(userHome, "userHome");
        this.osName = Objects.requireNonNull(osName, "osName").toLowerCase(Locale.ROOT);
    }

    /** Every place a database is looked for, in order: the {@code amazon-q} ones first, then {@code kiro-cli}. */
    public List<Path> candidates() {
        Set<Path> places = new LinkedHashSet<>();
        for (String product : PRODUCT_FOLDERS) {
            for (Path dataFolder : dataFolders()) {
                places.add(dataFolder.resolve(product).resolve(SourceDatabase.FILE_NAME));
            }
        }
        return List.copyOf(places);
    }

    /**
     * The databases that exist, {@code amazon-q} first.
     *
     * @throws HistoryDatabaseNotFoundException when there is none, naming every place it looked
     */
    public List<SourceDatabase> findAll() {
        List<SourceDatabase> found = new ArrayList<>();
        for (Path candidate : candidates()) {
            if (Files.isRegularFile(candidate)) {
                found.add(new SourceDatabase(candidate, SourceDatabase.sourceOf(candidate)));
            }
        }
        if (found.isEmpty()) {
            throw new HistoryDatabaseNotFoundException(candidates());
        }
        return List.copyOf(found);
    }

    private List<Path> dataFolders() {
        List<Path> folders = new ArrayList<>();
        if (osName.startsWith("windows")) {
            EnvironmentPaths.absolute(environment.get("LOCALAPPDATA")).ifPresent(folders::add);
            folders.add(userHome.resolve("AppData").resolve("Local"));
            return folders;
        }
        if (osName.startsWith("mac") || osName.startsWith("darwin")) {
            folders.add(userHome.resolve("Library").resolve("Application Support"));
        }
        // The XDG base directory spec ignores a relative XDG_DATA_HOME.
        EnvironmentPaths.absolute(environment.get("XDG_DATA_HOME")).ifPresent(folders::add);
        folders.add(userHome.resolve(".local").resolve("share"));
        return folders;
    }
}
