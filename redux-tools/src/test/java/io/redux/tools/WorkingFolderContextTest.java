package io.redux.tools;

import io.redux.domain.port.ContextFile;
import io.redux.domain.port.ContextFiles;
import io.redux.domain.port.ContextSelection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingFolderContextTest {

    @TempDir
    Path dir;

    private Path work;

    private Path work() throws IOException {
        if (work == null) {
            work = Files.createDirectories(dir.resolve("work"));
        }
        return work;
    }

    private void write(String relative, String text) throws IOException {
        Path file = work().resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void theDefaultsAreReadInTheirOrderWithRulesAtAnyDepthSortedByPath() throws IOException {
        write("README.md", "readme");
        write("AGENTS.md", "agents");
        write(".amazonq/rules/z.md", "z rule");
        write(".amazonq/rules/deep/a.md", "deep rule");
        write(".amazonq/rules/notes.txt", "not markdown");
        write("docs/other.md", "not a default");

        ContextFiles files = new WorkingFolderContext(work()).read(ContextSelection.DEFAULT);

        assertThat(files.files()).extracting(ContextFile::path).containsExactly("AGENTS.md", "README.md",
                ".amazonq/rules/deep/a.md", ".amazonq/rules/z.md");
        assertThat(files.files().get(0)).isEqualTo(new ContextFile("AGENTS.md", "agents", 6, 0));
        assertThat(files.warnings()).isEmpty();
    }

    /** A named pipe would block the open until someone writes to it: the chat would never start. */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // before the fix, open() blocked for good
    void aNamedPipeIsSkippedNotWaitedOn() throws Exception {
        write("AGENTS.md", "agents");
        Files.createDirectories(work().resolve(".amazonq/rules"));
        Process mkfifo = new ProcessBuilder("mkfifo", work().resolve(".amazonq/rules/pipe.md").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        ContextFiles read = new WorkingFolderContext(work()).read(ContextSelection.DEFAULT);

        assertThat(read.files()).extracting(ContextFile::path).containsExactly("AGENTS.md");
        assertThat(read.warnings()).containsExactly(".amazonq/rules/pipe.md: skipped: it is not a regular file");
    }

    @Test
    void aFileOverTheCapIsCutAndSaysHowMuchWasLeftOut() throws IOException {
        write("AGENTS.md", "0123456789abcdef");

        ContextFile file = new WorkingFolderContext(work(), 10, 1000).read(ContextSelection.DEFAULT).files().get(0);

        assertThat(file).isEqualTo(new ContextFile("AGENTS.md", "0123456789", 16, 6));
        assertThat(file.truncated()).isTrue();
    }

    @Test
    void theTotalCapCutsTheFilesThatComeLast() throws IOException {
        write("AGENTS.md", "12345678");
        write("README.md", "abcdefgh");

        List<ContextFile> files = new WorkingFolderContext(work(), 100, 12).read(ContextSelection.DEFAULT).files();

        assertThat(files).containsExactly(new ContextFile("AGENTS.md", "12345678", 8, 0),
                new ContextFile("README.md", "abcd", 8, 4));
    }

    @Test
    void aCutNeverSplitsACharacter() throws IOException {
        write("AGENTS.md", "ab\u00e9\u00e9"); // 6 bytes: a b then two of two bytes each

        ContextFile file = new WorkingFolderContext(work(), 3, 1000).read(ContextSelection.DEFAULT).files().get(0);

        assertThat(file).isEqualTo(new ContextFile("AGENTS.md", "ab", 6, 4));
    }

    @Test
    void aBinaryFileIsSkippedWithAWarning() throws IOException {
        Files.write(work().resolve("AGENTS.md"), new byte[]{'P', 'K', 3, 4, 0, 0});
        Files.write(work().resolve("AmazonQ.md"), new byte[]{(byte) 0xff, (byte) 0xfe, 'x'});
        write("README.md", "text");

        ContextFiles files = new WorkingFolderContext(work()).read(ContextSelection.DEFAULT);

        assertThat(files.files()).extracting(ContextFile::path).containsExactly("README.md");
        assertThat(files.warnings()).containsExactly("AGENTS.md: skipped: it is not UTF-8 text",
                "AmazonQ.md: skipped: it is not UTF-8 text");
    }

    @Test
    void aLinkLeadingOutsideTheWorkingFolderIsNeverRead() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.md"), "the launch code");
        Files.createSymbolicLink(work().resolve("AGENTS.md"), secret);
        Files.createDirectories(work().resolve(".amazonq"));
        Files.createSymbolicLink(work().resolve(".amazonq/rules"), dir);
        write("inside.md", "inside");
        Files.createSymbolicLink(work().resolve("README.md"), work().resolve("inside.md"));

        ContextFiles files = new WorkingFolderContext(work()).read(ContextSelection.DEFAULT);

        assertThat(files.files()).containsExactly(new ContextFile("README.md", "inside", 6, 0));
        assertThat(files.warnings()).containsExactly("AGENTS.md: skipped: it leads outside the working folder");
    }

    /**
     * The original CLI's agents name files in the home folder as {@code file://~/notes.md}; Redux sends nothing from
     * outside the working folder, and says so rather than looking for a folder named {@code ~} in it.
     */
    @Test
    void aPatternInTheHomeFolderIsSkippedWithAWarning() throws IOException {
        write("~/notes.md", "a folder named ~ inside the working folder");

        ContextFiles files = new WorkingFolderContext(work())
                .read(new ContextSelection(List.of("~/notes.md", "~/prompts/*.md"), List.of()));

        assertThat(files.files()).isEmpty();
        assertThat(files.warnings()).containsExactly("~/notes.md: skipped: it is outside the working folder",
                "~/prompts/*.md: skipped: it is outside the working folder");
    }

    @Test
    void aPatternOutsideTheWorkingFolderIsSkippedWithAWarning() throws IOException {
        Files.writeString(dir.resolve("outside.md"), "outside");

        ContextFiles files = new WorkingFolderContext(work())
                .read(new ContextSelection(List.of("../outside.md", "../*.md"), List.of()));

        assertThat(files.files()).isEmpty();
        assertThat(files.warnings()).containsExactly("../outside.md: skipped: it is outside the working folder",
                "../*.md: skipped: it is outside the working folder");
    }

    @Test
    void excludedPatternsLeaveFilesOutAndAFileMatchedTwiceComesOnce() throws IOException {
        write("docs/a.md", "a");
        write("docs/b.md", "b");
        write("docs/c.txt", "c");

        ContextFiles files = new WorkingFolderContext(work())
                .read(new ContextSelection(List.of("docs/b.md", "docs/**", "docs"), List.of("docs/a.md")));

        assertThat(files.files()).extracting(ContextFile::path).containsExactly("docs/b.md", "docs/c.txt");
    }

    @Test
    void missingFilesAndGlobsThatMatchNothingAreNoError() throws IOException {
        ContextFiles files = new WorkingFolderContext(work()).read(ContextSelection.DEFAULT);

        assertThat(files).isEqualTo(ContextFiles.NONE);
    }
}
