package io.redux.domain.violation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Breaks the rules on purpose, to show the architecture rules catch it. Test code only. */
public final class DomainClassReadingAFile {

    public String read(Path file) throws IOException {
        return Files.readString(file);
    }
}
