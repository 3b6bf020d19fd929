package io.redux.storage.json;

import io.redux.domain.error.StorageException;
import io.redux.domain.workspace.WorkspaceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonWorkspaceApprovalsTest {

    @TempDir
    Path home;

    private Path store() {
        return home.resolve(JsonWorkspaceApprovals.DEFAULT_FILE);
    }

    private JsonWorkspaceApprovals approvals() {
        return new JsonWorkspaceApprovals(store(), Clock.systemUTC());
    }

    @Test
    void anApprovedFileIsApprovedForItsContentOnly() {
        WorkspaceFile file = WorkspaceFile.of(Path.of("/repo/.amazonq/mcp.json"), bytes("{}"));
        assertThat(approvals().isApproved(file)).isFalse();

        approvals().approve(file);

        assertThat(approvals().isApproved(file)).isTrue();
        assertThat(approvals().isApproved(WorkspaceFile.of(file.realPath(), bytes("{ }")))).isFalse();
        assertThat(approvals().isApproved(WorkspaceFile.of(Path.of("/other/.amazonq/mcp.json"), bytes("{}"))))
                .isFalse();
    }

    @Test
    void approvalsWrittenAtOnceAreAllKept() {
        List<WorkspaceFile> files = IntStream.range(0, 16)
                .mapToObj(i -> WorkspaceFile.of(Path.of("/repo" + i + "/.amazonq/mcp.json"), bytes("{}"))).toList();

        CompletableFuture.allOf(files.stream().map(file -> CompletableFuture.runAsync(() -> approvals().approve(file)))
                .toArray(CompletableFuture[]::new)).join();

        assertThat(files).allMatch(file -> approvals().isApproved(file));
    }

    @Test
    void unknownFieldsAreKept() throws IOException {
        Files.createDirectories(store().getParent());
        Files.writeString(store(), "{\"note\": \"mine\", \"approvals\": {}}");

        approvals().approve(WorkspaceFile.of(Path.of("/repo/.amazonq/mcp.json"), bytes("{}")));

        assertThat(Files.readString(store())).containsPattern("\"note\"\\s*:\\s*\"mine\"");
    }

    @Test
    void anUnreadableStoreApprovesNothingAndIsNeverReplaced() throws IOException {
        Files.createDirectories(store().getParent());
        Files.writeString(store(), "{not json");
        WorkspaceFile file = WorkspaceFile.of(Path.of("/repo/.amazonq/mcp.json"), bytes("{}"));

        assertThat(approvals().isApproved(file)).isFalse();
        assertThatThrownBy(() -> approvals().approve(file)).isInstanceOf(StorageException.class)
                .hasMessageContaining(store().toString());
        assertThat(Files.readString(store())).isEqualTo("{not json");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
