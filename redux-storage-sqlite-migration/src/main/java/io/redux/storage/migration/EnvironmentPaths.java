package io.redux.storage.migration;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Folders named by environment variables, read the way the XDG base directory spec reads them. */
final class EnvironmentPaths {

    private EnvironmentPaths() {
    }

    /** {@code value} as a path when it is an absolute one; a relative, blank or invalid value is ignored. */
    static Optional<Path> absolute(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(value);
            return path.isAbsolute() ? Optional.of(path) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
