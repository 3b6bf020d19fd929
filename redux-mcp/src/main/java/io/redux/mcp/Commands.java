package io.redux.mcp;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Finds a server's command before it is started, as a shell would: a name with a {@code /} is a path (relative to the
 * working folder), any other is looked up in {@code PATH}. A command that is not there is a clear line at once, where
 * the SDK would report only that the server never answered.
 */
final class Commands {

    private Commands() {
    }

    static void requireFound(String command, Map<String, String> environment) {
        if (command.contains(File.separator)) {
            if (!Files.isExecutable(Path.of(command))) {
                throw new McpServerException("could not start: " + command + " is not an executable file");
            }
            return;
        }
        String path = environment.getOrDefault("PATH", "");
        boolean found = Arrays.stream(path.split(File.pathSeparator)).filter(folder -> !folder.isEmpty())
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, command)));
        if (!found) {
            throw new McpServerException("could not start: command not found: " + command);
        }
    }
}
