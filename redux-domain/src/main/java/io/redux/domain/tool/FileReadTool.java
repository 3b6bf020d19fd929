package io.redux.domain.tool;

import io.redux.domain.json.JsonValue;
import io.redux.domain.port.ToolSpec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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

    @Override
    public ToolOutput run(JsonValue.JsonObject arguments) {
        ToolArguments args = new ToolArguments(NAME, arguments);
        try {
            Path path = args.path("path", workingDirectory);
            Integer start = args.optionalPositiveInt("start_line");
            Integer end = args.optionalPositiveInt("end_line");
            if (start != null && end != null && end < start) {
                throw args.problem("end_line " + end + " comes before start_line " + start + ".");
            }
            if (!Files.exists(path)) {
                return ToolOutput.error(NAME + ": " + path + " does not exist.");
            }
            if (Files.isDirectory(path)) {
                return ToolOutput.success(listing(path));
            }
            return start == null && end == null ? whole(path) : lines(path, start == null ? 1 : start, end);
        } catch (ToolArgumentException e) {
            return ToolOutput.error(e.getMessage());
        } catch (IOException | RuntimeException e) {
            return ToolOutput.error(NAME + ": cannot read " + args.optionalString("path") + ": " + e.getMessage());
        }
    }

    private ToolOutput whole(Path file) throws IOException {
        try (Reader reader = reader(file)) {
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
                    + " characters of " + file + " (" + Files.size(file) + " bytes) are shown. "
                    + "Read the rest with start_line and end_line.]");
        }
    }

    private ToolOutput lines(Path file, int start, Integer end) throws IOException {
        StringBuilder out = new StringBuilder();
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(reader(file))) {
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

    private static String listing(Path directory) throws IOException {
        List<Path> entries;
        try (Stream<Path> children = Files.list(directory)) {
            entries = children.sorted().limit(MAX_LISTING_ENTRIES + 1L).toList();
        }
        StringBuilder out = new StringBuilder("Directory ").append(directory).append(":\n");
        if (entries.isEmpty()) {
            out.append("(empty)\n");
        }
        entries.stream().limit(MAX_LISTING_ENTRIES).forEach(entry -> out.append(entry.getFileName())
                .append(Files.isDirectory(entry) ? "/" : "").append('\n'));
        if (entries.size() > MAX_LISTING_ENTRIES) {
            out.append("[Only the first ").append(MAX_LISTING_ENTRIES).append(" entries are shown.]\n");
        }
        return out.toString();
    }

    /** Reads UTF-8, replacing bytes that are not UTF-8 rather than failing on a binary file. */
    private static Reader reader(Path file) throws IOException {
        return new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8);
    }
}
