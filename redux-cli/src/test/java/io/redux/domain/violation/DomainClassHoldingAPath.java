package io.redux.domain.violation;

import java.nio.file.Path;

/** Keeps the rules: a Path as a value touches no file. Test code only. */
public record DomainClassHoldingAPath(Path folder) {

    public Path resolve(String name) {
        return folder.resolve(name).normalize();
    }
}
