package io.redux.domain.tool;

import io.redux.domain.json.JsonValue;
import io.redux.domain.model.ToolCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ToolPolicyTest {

    @TempDir
    Path dir;

    @Test
    void fileReadInsideTheWorkingDirectoryIsTrustedByDefault() {
        ToolPolicy policy = ToolPolicy.defaults(dir);

        assertThat(policy.isTrusted(call("file_read", Args.of("path", "src/Main.java")))).isTrue();
        assertThat(policy.isTrusted(call("file_read", Args.of("path", dir.resolve("x.txt").toString())))).isTrue();
        assertThat(policy.isTrusted(call("file_read", Args.of("path", ".")))).isTrue();
    }

    @Test
    void fileReadOutsideTheWorkingDirectoryIsAskedAbout() {
        ToolPolicy policy = ToolPolicy.defaults(dir);

        assertThat(policy.isTrusted(call("file_read", Args.of("path", "../secret.txt")))).isFalse();
        assertThat(policy.isTrusted(call("file_read", Args.of("path", "/etc/passwd")))).isFalse();
        assertThat(policy.isTrusted(call("file_read", Args.of()))).isFalse();
    }

    @Test
    void aSymbolicLinkLeadingOutsideIsAskedAbout() throws IOException {
        Path outside = Files.createTempFile("outside", ".txt");
        try {
            Files.createSymbolicLink(dir.resolve("link.txt"), outside);

            assertThat(ToolPolicy.defaults(dir).isTrusted(call("file_read", Args.of("path", "link.txt")))).isFalse();
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void otherToolsAreAskedAboutByDefault() {
        ToolPolicy policy = ToolPolicy.defaults(dir);

        assertThat(policy.isTrusted(call("file_write", Args.of("path", "a.txt")))).isFalse();
        assertThat(policy.isTrusted(call("execute_bash", Args.of("command", "ls")))).isFalse();
    }

    @Test
    void trustAllTrustsEveryTool() {
        ToolPolicy policy = new ToolPolicy(dir, true, Set.of());

        assertThat(policy.isTrusted(call("execute_bash", Args.of("command", "rm -rf /tmp/x")))).isTrue();
        assertThat(policy.trustsAll()).isTrue();
    }

    @Test
    void namedToolsAreTrusted() {
        ToolPolicy policy = new ToolPolicy(dir, false, ToolPolicy.parseToolList("file_write, execute_bash,"));

        assertThat(policy.isTrusted(call("file_write", Args.of()))).isTrue();
        assertThat(policy.isTrusted(call("execute_bash", Args.of()))).isTrue();
        assertThat(policy.trustedTools()).containsExactlyInAnyOrder("file_write", "execute_bash");
    }

    @Test
    void trustingForTheSessionAndUntrustingAgain() {
        ToolPolicy policy = new ToolPolicy(dir, true, Set.of());

        policy.untrust("execute_bash");
        assertThat(policy.isTrusted(call("execute_bash", Args.of()))).isFalse();
        assertThat(policy.trustsAll()).isFalse();

        policy.trust("execute_bash");
        assertThat(policy.isTrusted(call("execute_bash", Args.of()))).isTrue();
    }

    @Test
    void afterTrustingAllAndUntrustingOneTheOthersAreStillTrusted() {
        ToolPolicy policy = new ToolPolicy(dir, true, Set.of());

        policy.untrust("execute_bash");

        assertThat(policy.trusts("file_write")).isTrue();
        assertThat(policy.trusts("execute_bash")).isFalse();
    }

    @Test
    void untrustingFileReadOverridesTheDefault() {
        ToolPolicy policy = ToolPolicy.defaults(dir);

        policy.untrust("file_read");

        assertThat(policy.isTrusted(call("file_read", Args.of("path", "a.txt")))).isFalse();
    }

    private static ToolCall call(String tool, JsonValue.JsonObject arguments) {
        return new ToolCall("tooluse_1", Instant.EPOCH, tool, arguments);
    }
}
