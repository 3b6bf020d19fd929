package io.redux.tools;

import io.redux.domain.json.JsonValue;
import io.redux.domain.port.ToolSpec;
import io.redux.domain.tool.Tool;
import io.redux.domain.tool.ToolOutput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * {@code file_write}: creates (or overwrites) a file, replaces one unique string in it, or appends to it.
 * A replacement whose old text is missing or appears more than once changes nothing and says so, so the model can
 * retry with more context.
 */
public final class FileWriteTool implements Tool {

    public static final String NAME = "file_write";

    private static final ToolSpec SPEC = new ToolSpec(NAME,
            "Writes a text file. command 'create' writes content to path (creating folders, replacing an existing "
                    + "file); 'str_replace' replaces old_str, which must appear exactly once, with new_str; 'append' "
                    + "adds content at the end (creating the file if needed). Relative paths are resolved against the "
                    + "working directory.",
            Schemas.object(Map.of(
                    "command", Schemas.choice("What to do.", "create", "str_replace", "append"),
                    "path", Schemas.property("string", "The file to write."),
                    "content", Schemas.property("string", "The text for 'create' and 'append'."),
                    "old_str", Schemas.property("string", "For 'str_replace': the exact text to replace."),
                    "new_str", Schemas.property("string", "For 'str_replace': the text to put in its place.")),
                    "command", "path"));

    private final Path workingDirectory;

    public FileWriteTool(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolOutput run(JsonValue.JsonObject arguments) {
        ToolArguments args = new ToolArguments(NAME, arguments);
        try {
            String command = args.requiredString("command");
            Path path = args.path("path", workingDirectory);
            if (Files.isDirectory(path)) {
                throw args.bad("path", "is a directory (" + path + "); name a file");
            }
            return switch (command) {
                case "create" -> create(path, args.requiredString("content"));
                case "str_replace" -> replace(args, path, args.requiredString("old_str"), args.requiredString("new_str"));
                case "append" -> append(path, args.requiredString("content"));
                default -> throw args.bad("command", "must be create, str_replace or append, not \"" + command + '"');
            };
        } catch (ToolArgumentException e) {
            return ToolOutput.error(e.getMessage());
        } catch (IOException | RuntimeException e) {
            return ToolOutput.error(NAME + ": cannot write " + args.optionalString("path") + ": " + e);
        }
    }

    private static ToolOutput create(Path path, String content) throws IOException {
        boolean existed = Files.exists(path);
        createParent(path);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return ToolOutput.success((existed ? "Replaced " : "Created ") + path + " (" + content.length() + " characters).");
    }

    private static ToolOutput replace(ToolArguments args, Path path, String oldText, String newText) throws IOException {
        if (!Files.exists(path)) {
            throw args.bad("path", "names a file that does not exist (" + path + "); use command 'create'");
        }
        if (oldText.isEmpty()) {
            throw args.bad("old_str", "must not be empty");
        }
        String content = Files.readString(path, StandardCharsets.UTF_8);
        int first = content.indexOf(oldText);
        if (first < 0) {
            throw args.problem("old_str was not found in " + path + "; nothing was changed. Read the file and copy "
                    + "the text exactly, whitespace included.");
        }
        int occurrences = count(content, oldText);
        if (occurrences > 1) {
            throw args.problem("old_str appears " + occurrences + " times in " + path + "; nothing was changed. "
                    + "Include more surrounding text so it appears exactly once.");
        }
        Files.writeString(path, content.substring(0, first) + newText + content.substring(first + oldText.length()),
                StandardCharsets.UTF_8);
        return ToolOutput.success("Replaced 1 occurrence in " + path + ".");
    }

    private static ToolOutput append(Path path, String content) throws IOException {
        createParent(path);
        Files.writeString(path, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return ToolOutput.success("Appended " + content.length() + " characters to " + path + ".");
    }

    private static void createParent(Path path) throws IOException {
        Path parent = path.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private static int count(String content, String part) {
        int count = 0;
        for (int at = content.indexOf(part); at >= 0; at = content.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
