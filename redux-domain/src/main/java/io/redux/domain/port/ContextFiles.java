package io.redux.domain.port;

import java.util.List;

/**
 * The context files read for a request, in order, with one line for each file that matched but was skipped (binary,
 * unreadable, or leading outside the working folder).
 */
public record ContextFiles(List<ContextFile> files, List<String> warnings) {

    public static final ContextFiles NONE = new ContextFiles(List.of(), List.of());

    public ContextFiles {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }

    public long estimatedTokens() {
        return files.stream().mapToLong(ContextFile::estimatedTokens).sum();
    }
}
