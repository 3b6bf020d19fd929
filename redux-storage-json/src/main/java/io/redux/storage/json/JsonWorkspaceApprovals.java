package io.redux.storage.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redux.domain.error.StorageException;
import io.redux.domain.workspace.WorkspaceApprovals;
import io.redux.domain.workspace.WorkspaceFile;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * The workspace approvals in one JSON file of the user's ({@code ~/.aws/amazonq/redux/approvals.json}):
 * {@code {"approvals": {"/real/path/.amazonq/mcp.json": {"sha256": "...", "approved_at": "..."}}}}. An approval is
 * read-modify-written under a lock on a file beside it, shared by every process, and the file is replaced
 * atomically, so two approvals written at once both stay and a crash leaves the old file or the new. Fields it does
 * not know are kept. A file that cannot be read approves nothing.
 */
public final class JsonWorkspaceApprovals implements WorkspaceApprovals {

    /** Where the CLI keeps the file, under the user's home. */
    public static final Path DEFAULT_FILE = Path.of(".aws", "amazonq", "redux", "approvals.json");

    private static final Object IN_THIS_JVM = new Object();

    private final Path file;
    private final Clock clock;

    public JsonWorkspaceApprovals(Path file, Clock clock) {
        this.file = file.toAbsolutePath();
        this.clock = clock;
    }

    @Override
    public boolean isApproved(WorkspaceFile workspaceFile) {
        JsonNode entry = readOrEmpty().path("approvals").path(workspaceFile.realPath().toString());
        return workspaceFile.sha256().equals(entry.path("sha256").asText(null));
    }

    @Override
    public void approve(WorkspaceFile workspaceFile) {
        // A FileLock is held per JVM, not per thread: threads of one process take turns before it.
        synchronized (IN_THIS_JVM) {
            try {
                Files.createDirectories(file.getParent());
                try (FileChannel lockFile = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = lockFile.lock()) {
                    ObjectNode root = read();
                    JsonNode approvals = root.path("approvals");
                    ObjectNode entries = approvals.isObject() ? (ObjectNode) approvals : root.putObject("approvals");
                    ObjectNode entry = JsonSupport.MAPPER.createObjectNode();
                    entry.put("sha256", workspaceFile.sha256());
                    entry.put("approved_at", clock.instant().toString());
                    entries.set(workspaceFile.realPath().toString(), entry);
                    AtomicFileWriter.write(file, file.resolveSibling(file.getFileName() + ".tmp"),
                            JsonSupport.PRETTY_WRITER.writeValueAsBytes(root));
                }
            } catch (IOException e) {
                throw new StorageException("Could not save the approval in " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private ObjectNode readOrEmpty() {
        try {
            return read();
        } catch (IOException e) {
            return JsonSupport.MAPPER.createObjectNode();
        }
    }

    /** The file's content; an empty object when there is none yet. */
    private ObjectNode read() throws IOException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return JsonSupport.MAPPER.createObjectNode();
        }
        // Never replaced when unreadable: the approvals in it would be lost.
        if (!(JsonSupport.MAPPER.readTree(content) instanceof ObjectNode root)) {
            throw new IOException("it is not a JSON object; fix or delete it");
        }
        return root;
    }
}
