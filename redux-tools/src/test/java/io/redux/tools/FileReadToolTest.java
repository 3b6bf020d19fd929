package io.redux.tools;

import io.redux.domain.json.JsonValue;
import io.redux.domain.tool.ToolOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FileReadToolTest {

    @TempDir
    Path dir;

    @Test
    void readsAWholeFileByRelativePath() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "first\nsecond\nünïcødé\n");

        ToolOutput output = new FileReadTool(dir).run(Args.of("path", "notes.txt"));

        assertThat(output).isEqualTo(ToolOutput.success("first\nsecond\nünïcødé\n"));
    }

    @Test
    void readsALineRange() throws IOException {
        Files.writeString(dir.resolve("lines.txt"), "1\n2\n3\n4\n5\n");

        assertThat(new FileReadTool(dir).run(Args.of("path", "lines.txt", "start_line", 2, "end_line", 4)))
                .isEqualTo(ToolOutput.success("2\n3\n4\n"));
        assertThat(new FileReadTool(dir).run(Args.of("path", "lines.txt", "start_line", 4)))
                .isEqualTo(ToolOutput.success("4\n5\n"));
        assertThat(new FileReadTool(dir).run(Args.of("path", "lines.txt", "end_line", 1)))
                .isEqualTo(ToolOutput.success("1\n"));
    }

    @Test
    void aStartLinePastTheEndIsAnError() throws IOException {
        Files.writeString(dir.resolve("short.txt"), "only\n");

        ToolOutput output = new FileReadTool(dir).run(Args.of("path", "short.txt", "start_line", 5));

        assertThat(output.error()).isTrue();
        assertThat(output.content()).contains("start_line 5 is past the end").contains("has 1 lines");
    }

    @Test
    void listsADirectorySortedWithFoldersMarked() throws IOException {
        Files.createDirectory(dir.resolve("src"));
        Files.writeString(dir.resolve("b.txt"), "");
        Files.writeString(dir.resolve("a.txt"), "");

        ToolOutput output = new FileReadTool(dir).run(Args.of("path", "."));

        assertThat(output.error()).isFalse();
        assertThat(output.content()).endsWith(":\na.txt\nb.txt\nsrc/\n");
    }

    @Test
    void aLargeFileIsCutWithANoteSayingHowToReadOn() throws IOException {
        Files.writeString(dir.resolve("big.txt"), "x".repeat(50));

        ToolOutput output = new FileReadTool(dir, 20).run(Args.of("path", "big.txt"));

        assertThat(output.error()).isFalse();
        assertThat(output.content()).startsWith("x".repeat(20) + "\n[Only the first 20 characters")
                .contains("50 bytes").contains("start_line");
    }

    @Test
    void aFileExactlyAtTheLimitIsNotCut() throws IOException {
        Files.writeString(dir.resolve("exact.txt"), "y".repeat(20));

        assertThat(new FileReadTool(dir, 20).run(Args.of("path", "exact.txt")))
                .isEqualTo(ToolOutput.success("y".repeat(20)));
    }

    @Test
    void aLongLineRangeStopsAtTheLimitAndSaysWhereToContinue() throws IOException {
        Files.writeString(dir.resolve("many.txt"), "123456789\n".repeat(10));

        ToolOutput output = new FileReadTool(dir, 25).run(Args.of("path", "many.txt", "start_line", 1));

        assertThat(output.content()).startsWith("123456789\n123456789\n[Stopped before line 3")
                .contains("Continue with start_line 3");
    }

    @Test
    void aMissingFileIsAClearError() {
        ToolOutput output = new FileReadTool(dir).run(Args.of("path", "nope.txt"));

        assertThat(output.error()).isTrue();
        assertThat(output.content()).contains("nope.txt does not exist");
    }

    @Test
    void badArgumentsAreClearErrors() {
        FileReadTool tool = new FileReadTool(dir);

        assertThat(tool.run(Args.of()).content()).isEqualTo("file_read: argument 'path' is required.");
        assertThat(tool.run(Args.of("path", new JsonValue.JsonNumber(BigDecimal.ONE))).content())
                .isEqualTo("file_read: argument 'path' must be a string, not 1.");
        assertThat(tool.run(Args.of("path", "a", "start_line", 0)).content())
                .isEqualTo("file_read: argument 'start_line' must be a whole number of at least 1, not 0.");
        assertThat(tool.run(Args.of("path", "a", "start_line", 5, "end_line", 2)).content())
                .isEqualTo("file_read: end_line 2 comes before start_line 5.");
        assertThat(tool.run(Args.of("path", "a", "start_line", 5, "end_line", 2)).error()).isTrue();
    }

    @Test
    void bytesThatAreNotUtf8DoNotFailTheRead() throws IOException {
        Files.write(dir.resolve("binary.bin"), new byte[] {'o', 'k', (byte) 0xff, (byte) 0xfe});

        ToolOutput output = new FileReadTool(dir).run(Args.of("path", "binary.bin"));

        assertThat(output.error()).isFalse();
        assertThat(output.content()).startsWith("ok");
    }

    @Test
    void describesItsArgumentsInItsSchema() {
        JsonValue.JsonObject schema = new FileReadTool(dir).spec().inputSchema();

        assertThat(schema.toJson()).contains("\"required\":[\"path\"]").contains("start_line").contains("end_line");
    }
}
