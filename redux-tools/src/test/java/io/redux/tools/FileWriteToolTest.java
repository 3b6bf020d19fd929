package io.redux.tools;

import io.redux.domain.tool.ToolOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FileWriteToolTest {

    @TempDir
    Path dir;

    @Test
    void createsAFileAndItsFolders() throws IOException {
        ToolOutput output = new FileWriteTool(dir).run(Args.of("command", "create", "path", "a/b/new.txt",
                "content", "hello\n"));

        assertThat(output.error()).isFalse();
        assertThat(output.content()).startsWith("Created ");
        assertThat(Files.readString(dir.resolve("a/b/new.txt"))).isEqualTo("hello\n");
    }

    @Test
    void createReplacesAnExistingFile() throws IOException {
        Files.writeString(dir.resolve("f.txt"), "old");

        ToolOutput output = new FileWriteTool(dir).run(Args.of("command", "create", "path", "f.txt", "content", "new"));

        assertThat(output.content()).startsWith("Replaced ");
        assertThat(Files.readString(dir.resolve("f.txt"))).isEqualTo("new");
    }

    @Test
    void replacesAUniqueString() throws IOException {
        Files.writeString(dir.resolve("f.txt"), "int x = 1;\nint y = 2;\n");

        ToolOutput output = new FileWriteTool(dir).run(Args.of("command", "str_replace", "path", "f.txt",
                "old_str", "y = 2", "new_str", "y = 3"));

        assertThat(output.error()).isFalse();
        assertThat(Files.readString(dir.resolve("f.txt"))).isEqualTo("int x = 1;\nint y = 3;\n");
    }

    @Test
    void aStringThatIsNotFoundChangesNothing() throws IOException {
        Files.writeString(dir.resolve("f.txt"), "abc");

        ToolOutput output = new FileWriteTool(dir).run(Args.of("command", "str_replace", "path", "f.txt",
                "old_str", "zzz", "new_str", "y"));

        assertThat(output.error()).isTrue();
        assertThat(output.content()).contains("old_str was not found").contains("nothing was changed");
        assertThat(Files.readString(dir.resolve("f.txt"))).isEqualTo("abc");
    }

    @Test
    void aStringThatIsNotUniqueChangesNothing() throws IOException {
        Files.writeString(dir.resolve("f.txt"), "x x x");

        ToolOutput output = new FileWriteTool(dir).run(Args.of("command", "str_replace", "path", "f.txt",
                "old_str", "x", "new_str", "y"));

        assertThat(output.error()).isTrue();
        assertThat(output.content()).contains("appears 3 times");
        assertThat(Files.readString(dir.resolve("f.txt"))).isEqualTo("x x x");
    }

    @Test
    void replacingInAMissingFileSaysToCreateIt() {
        ToolOutput output = new FileWriteTool(dir).run(Args.of("command", "str_replace", "path", "none.txt",
                "old_str", "a", "new_str", "b"));

        assertThat(output.error()).isTrue();
        assertThat(output.content()).contains("does not exist").contains("'create'");
    }

    @Test
    void appendsToAFileCreatingItIfNeeded() throws IOException {
        FileWriteTool tool = new FileWriteTool(dir);

        tool.run(Args.of("command", "append", "path", "log.txt", "content", "one\n"));
        ToolOutput output = tool.run(Args.of("command", "append", "path", "log.txt", "content", "two\n"));

        assertThat(output.error()).isFalse();
        assertThat(Files.readString(dir.resolve("log.txt"))).isEqualTo("one\ntwo\n");
    }

    @Test
    void badArgumentsAreClearErrors() {
        FileWriteTool tool = new FileWriteTool(dir);

        assertThat(tool.run(Args.of("path", "f.txt")).content())
                .isEqualTo("file_write: argument 'command' is required.");
        assertThat(tool.run(Args.of("command", "delete", "path", "f.txt")).content())
                .isEqualTo("file_write: argument 'command' must be create, str_replace or append, not \"delete\".");
        assertThat(tool.run(Args.of("command", "create", "path", "f.txt")).content())
                .isEqualTo("file_write: argument 'content' is required.");
        assertThat(tool.run(Args.of("command", "create", "path", ".", "content", "x")).content())
                .startsWith("file_write: argument 'path' is a directory");
        assertThat(Files.exists(dir.resolve("f.txt"))).isFalse();
    }
}
