package io.redux.domain.workspace;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A file of a workspace that can make Redux run something (an MCP configuration, later agents and hooks), as it is
 * now: where it really is and what it holds. The content is named by its SHA-256, so an approval of it ends the
 * moment a byte changes.
 *
 * @param realPath the file's absolute path with every link resolved
 * @param sha256   the SHA-256 of its bytes, in lower-case hex
 */
public record WorkspaceFile(Path realPath, String sha256) {

    public WorkspaceFile {
        Objects.requireNonNull(realPath, "realPath");
        Objects.requireNonNull(sha256, "sha256");
        if (!realPath.isAbsolute()) {
            throw new IllegalArgumentException("A workspace file is named by its absolute real path: " + realPath);
        }
    }

    /** The file at {@code realPath} holding {@code content}. */
    public static WorkspaceFile of(Path realPath, byte[] content) {
        try {
            return new WorkspaceFile(realPath, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
