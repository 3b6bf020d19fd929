package io.redux.tools;

import io.redux.domain.tool.Tool;
import io.redux.domain.tool.ToolOutput;
import io.redux.domain.tool.ToolPolicy;
import io.redux.domain.tool.ToolRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ToolPolicyTest {

    @TempDir
    Path dir;

    private Tool tool(String name) {
        return BuiltInTools.registry(dir).find(name).orElseThrow();
    }

    @Test
    void fileReadIsTrustedByDefaultOnlyInsideTheWorkingDirectory() throws IOException {
        ToolPolicy policy = ToolPolicy.defaults(dir);

        assertThat(policy.trusts("file_read")).isFalse();
        assertThat(policy.trustedFolder(tool("file_read"))).contains(dir.toAbsolutePath().normalize());
    }

    @Test
    void fileReadInsideTheWorkingDirectoryRunsWithoutAskingAndOutsideIsAskedAbout() throws IOException {
        ToolPolicy policy = ToolPolicy.defaults(dir);
        ToolRegistry tools = BuiltInTools.registry(dir);
        Path folder = policy.trustedFolder(tool("file_read")).orElseThrow();
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/Main.java"), "class Main {}");
        Path outside = Files.createTempFile("outside", ".txt");
        try {
            Files.createSymbolicLink(dir.resolve("link.txt"), outside);

            assertThat(tools.runInside(folder, "file_read", Args.of("path", "src/Main.java")))
                    .contains(ToolOutput.success("class Main {}"));
            assertThat(tools.runInside(folder, "file_read", Args.of("path", dir.resolve("src/Main.java").toString())))
                    .contains(ToolOutput.success("class Main {}"));
            assertThat(tools.runInside(folder, "file_read", Args.of("path", "."))).isPresent();
            assertThat(tools.runInside(folder, "file_read", Args.of("path", "../" + outside.getFileName()))).isEmpty();
            assertThat(tools.runInside(folder, "file_read", Args.of("path", outside.toString()))).isEmpty();
            assertThat(tools.runInside(folder, "file_read", Args.of("path", "link.txt"))).isEmpty();
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void otherToolsAreAskedAboutByDefault() {
        ToolPolicy policy = ToolPolicy.defaults(dir);
        ToolRegistry tools = BuiltInTools.registry(dir);

        assertThat(policy.trusts("file_write")).isFalse();
        assertThat(policy.trusts("execute_bash")).isFalse();
        assertThat(policy.trustedFolder(tool("file_write"))).isEmpty();
        assertThat(policy.trustedFolder(tool("execute_bash"))).isEmpty();
        assertThat(tools.runInside(dir, "file_write", Args.of("command", "create", "path", "a.txt", "content", "x")))
                .isEmpty();
        assertThat(dir.resolve("a.txt")).doesNotExist();
    }

    @Test
    void trustAllTrustsEveryTool() {
        ToolPolicy policy = new ToolPolicy(dir, true, Set.of());

        assertThat(policy.trusts("execute_bash")).isTrue();
        assertThat(policy.trustsAll()).isTrue();
    }

    @Test
    void namedToolsAreTrusted() {
        ToolPolicy policy = new ToolPolicy(dir, false, ToolPolicy.parseToolList("file_write, execute_bash,"));

        assertThat(policy.trusts("file_write")).isTrue();
        assertThat(policy.trusts("execute_bash")).isTrue();
        assertThat(policy.trustedTools()).containsExactlyInAnyOrder("file_write", "execute_bash");
    }

    @Test
    void trustingForTheSessionAndUntrustingAgain() {
        ToolPolicy policy = new ToolPolicy(dir, true, Set.of());

        policy.untrust("execute_bash");
        assertThat(policy.trusts("execute_bash")).isFalse();
        assertThat(policy.trustsAll()).isFalse();

        policy.trust("execute_bash");
        assertThat(policy.trusts("execute_bash")).isTrue();
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

        assertThat(policy.trusts("file_read")).isFalse();
        assertThat(policy.trustedFolder(tool("file_read"))).isEmpty();
    }
}
