package io.redux.tools;

import io.redux.domain.json.JsonValue;
import io.redux.domain.port.ToolSpec;
import io.redux.domain.tool.DefaultTrust;
import io.redux.domain.tool.Tool;
import io.redux.domain.tool.ToolOutput;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code file_read}: a file's text, optionally a range of its lines, or a directory's listing. Output is capped so
 * one call cannot flood the model's context; the cap is stated in the output with a way to read further.
 */
public final class FileReadTool implements Tool {

    public static final String NAME = "file_read";
    public static final int DEFAULT_MAX_CHARS = 200_000;
    public static final int MAX_LISTING_ENTRIES = 1_000;

    private static final ToolSpec SPEC = new ToolSpec(NAME,
            "Reads a text file (optionally only lines start_line to end_line, counted from 1, inclusive) or lists a "
                    + "directory. Relative paths are resolved against the working directory.",
            Schemas.object(Map.of(
                    "path", Schemas.property("string", "The file or directory to read."),
                    "start_line", Schemas.property("integer", "First line to return, from 1. Optional."),
                    "end_line", Schemas.property("integer", "Last line to return, inclusive. Optional.")),
                    "path"));

    private final Path workingDirectory;
    private final int maxChars;

    public FileReadTool(Path workingDirectory) {
        this(workingDirectory, DEFAULT_MAX_CHARS);
    }

    public FileReadTool(Path workingDirectory, int maxChars) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1");
        }
        this.maxChars = maxChars;
    }

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    /** Reading inside the working folder is what a chat about the code there needs all the time: it is not asked. */
    @Override
    public DefaultTrust defaultTrust() {
        return DefaultTrust.TRUSTED_INSIDE_WORKING_FOLDER;
    }

    @Override
    public ToolOutput run(JsonValue.JsonObject arguments) {
        return read(arguments, path -> Optional.of(openAnywhere(path))).orElseThrow();
    }

    /**
     * Reads only what lies inside {@code folder}: the check and the read are one operation on the file actually
     * opened ({@link InsideFolder}), so a symbolic link swapped in meanwhile cannot lead outside; empty, with nothing
     * read, when the path leads outside.
     */
    @Override
    public Optional<ToolOutput> runInside(Path folder, JsonValue.JsonObject arguments) {
        InsideFolder inside;
        try {
            inside = new InsideFolder(folder);
        } catch (IOException e) {
            return Optional.empty();
        }
        return read(arguments, path -> inside.open(path, MAX_LISTING_ENTRIES));
    }

    /** Opens what a path names; empty when it may not be read without asking. */
    @FunctionalInterface
    private interface Opener {
        Optional<Opened> open(Path path) throws IOException;
    }

    private Optional<ToolOutput> read(JsonValue.JsonObject arguments, Opener opener) {
        ToolArguments args = new ToolArguments(NAME, arguments);
        try {
            Path path = args.path("path", workingDirectory);
            Integer start = args.optionalPositiveInt("start_line");
            Integer end = args.optionalPositiveInt("end_line");
            if (start != null && end != null && end < start) {
                throw args.problem("end_line " + end + " comes before start_line " + start + ".");
            }
            Optional<Opened> opened = opener.open(path);
            if (opened.isEmpty()) {
                return Optional.empty();
            }
            if (opened.get() instanceof Opened.Directory directory) {
                return Optional.of(ToolOutput.success(listing(path, directory)));
            }
            try (SeekableByteChannel file = ((Opened.File) opened.get()).channel()) {
                return Optional.of(start == null && end == null ? whole(path, file)
                        : lines(path, file, start == null ? 1 : start, end));
            }
        } catch (ToolArgumentException e) {
            return Optional.of(ToolOutput.error(e.getMessage()));
        } catch (NoSuchFileException e) {
            return Optional.of(ToolOutput.error(NAME + ": " + e.getFile() + " does not exist."));
        } catch (IOException | RuntimeException e) {
            return Optional.of(ToolOutput.error(NAME + ": cannot read " + args.optionalString("path") + ": "
                    + e.getMessage()));
        }
    }

    /** Anywhere the path leads, links followed: the user allowed this call or trusts the tool. */
    private static Opened openAnywhere(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
                return Opened.Directory.list(entries, name -> Files.isDirectory(path.resolve(name)),
                        MAX_LISTING_ENTRIES);
            }
        }
        return new Opened.File(Files.newByteChannel(path));
    }

    private ToolOutput whole(Path file, SeekableByteChannel channel) throws IOException {
        try (Reader reader = reader(channel)) {
            char[] buffer = new char[maxChars];
            int read = 0;
            while (read < maxChars) {
                int n = reader.read(buffer, read, maxChars - read);
                if (n < 0) {
                    return ToolOutput.success(new String(buffer, 0, read));
                }
                read += n;
            }
            if (reader.read() < 0) {
                return ToolOutput.success(new String(buffer, 0, read));
            }
            return ToolOutput.success(new String(buffer, 0, read) + "\n[Only the first " + maxChars
                    + " characters of " + file + " (" + channel.size() + " bytes) are shown. "
                    + "Read the rest with start_line and end_line.]");
        }
    }

    private ToolOutput lines(Path file, SeekableByteChannel channel, int start, Integer end) throws IOException {
        StringBuilder out = new StringBuilder();
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(reader(channel))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (lineNumber < start) {
                    continue;
                }
                if (end != null && lineNumber > end) {
                    break;
                }
                if (out.length() + line.length() + 1 > maxChars && lineNumber > start) {
                    out.append("[Stopped before line ").append(lineNumber).append(": output limit of ").append(maxChars)
                            .append(" characters reached. Continue with start_line ").append(lineNumber).append(".]");
                    return ToolOutput.success(out.toString());
                }
                out.append(line).append('\n');
            }
        }
        if (lineNumber < start) {
            return ToolOutput.error(NAME + ": start_line " + start + " is past the end of " + file + ", which has "
                    + lineNumber + " lines.");
        }
        return ToolOutput.success(out.toString());
    }

    private static String listing(Path path, Opened.Directory directory) {
        StringBuilder out = new StringBuilder("Directory ").append(path).append(":\n");
        if (directory.entries().isEmpty()) {
            out.append("(empty)\n");
        }
        directory.entries().forEach(entry -> out.append(entry).append('\n'));
        if (directory.cut()) {
            out.append("[Only the first ").append(MAX_LISTING_ENTRIES).append(" entries are shown.]\n");
        }
        return out.toString();
    }

    /** Reads UTF-8, replacing bytes that are not UTF-8 rather than failing on a binary file. */
    private static Reader reader(SeekableByteChannel channel) {
        return new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8);
    }
}
