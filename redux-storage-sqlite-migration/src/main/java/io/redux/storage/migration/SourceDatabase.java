package io.redux.storage.migration;

import java.nio.file.Path;

/**
 * An original CLI's history database.
 *
 * @param file   the {@code data.sqlite3} file
 * @param source {@value #AMAZON_Q} or {@value #KIRO_CLI}: the product that wrote it
 */
record SourceDatabase(Path file, String source) {

    public static final String AMAZON_Q = "amazon-q";
    public static final String KIRO_CLI = "kiro-cli";
    public static final String FILE_NAME = "data.sqlite3";

    /** The product a database belongs to, told by its folder: {@code .../kiro-cli/data.sqlite3} is Kiro's. */
    public static String sourceOf(Path file) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        return folder != null && folder.getFileName() != null && folder.getFileName().toString().equals(KIRO_CLI)
                ? KIRO_CLI : AMAZON_Q;
    }
}
