package io.redux.cli.chat;

import io.redux.domain.error.StorageException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * What the user types: prompts with line editing and a history kept across sessions, and one-line answers to
 * questions (which stay out of the history). A line ending in {@code \} continues on the next; a paste keeps its
 * newlines.
 */
final class ConsoleInput {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

    private final LineReader prompts;
    private final LineReader answers;
    private final Path historyFile;

    /** @param historyFile where typed prompts are kept (mode 0600), or null to keep none */
    ConsoleInput(Terminal terminal, Path historyFile) {
        this.historyFile = historyFile;
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("redux_cli")
                .parser(parser())
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "... ");
        if (historyFile != null) {
            prepare(historyFile);
            builder.variable(LineReader.HISTORY_FILE, historyFile);
        }
        this.prompts = builder.build();
        this.answers = LineReaderBuilder.builder().terminal(terminal).appName("redux_cli")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .variable(LineReader.DISABLE_HISTORY, true)
                .build();
    }

    /** The next prompt, continuation lines joined; null when the user leaves (Ctrl-D, or Ctrl-C at the prompt). */
    String readPrompt(String prompt) {
        try {
            return prompts.readLine(prompt).replace("\\\n", "\n");
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        }
    }

    /** One line answering a question; null when the user interrupts or input ends. */
    /** Prints a line above the prompt being edited (or as a plain line when none is), then redraws the prompt. */
    void printAbove(String line) {
        prompts.printAbove(line);
    }

    String readAnswer(String question) {
        try {
            return answers.readLine(question);
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        }
    }

    /** Saves the history and keeps its file private (JLine may have rewritten it with default permissions). */
    void close() {
        if (historyFile == null) {
            return;
        }
        try {
            prompts.getHistory().save();
            restrict(historyFile);
        } catch (IOException e) {
            // The history is a convenience; a session must not fail for it.
        }
    }

    /** No quotes or escapes to balance, so "what's up" is one line; only a trailing backslash continues it. */
    private static DefaultParser parser() {
        DefaultParser parser = new DefaultParser();
        parser.setQuoteChars(new char[0]);
        parser.setEscapeChars(new char[] {'\\'});
        parser.setEofOnUnclosedQuote(false);
        parser.setEofOnEscapedNewLine(true);
        return parser;
    }

    /** The history holds what users typed, secrets included: the folder is 0700 and the file 0600. */
    private static void prepare(Path historyFile) {
        try {
            Path folder = historyFile.toAbsolutePath().getParent();
            if (!POSIX) {
                Files.createDirectories(folder);
                return;
            }
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            if (!Files.exists(historyFile)) {
                Files.createFile(historyFile, PosixFilePermissions.asFileAttribute(PRIVATE));
            }
            restrict(historyFile);
        } catch (IOException e) {
            throw new StorageException("Cannot prepare the input history " + historyFile + ": " + e.getMessage(), e);
        }
    }

    private static void restrict(Path file) throws IOException {
        if (POSIX && Files.exists(file)) {
            Files.setPosixFilePermissions(file, PRIVATE);
        }
    }
}
