package io.redux.mcp;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Finds a server's command before it is started, as a shell would: a name with a {@code /} is a path (relative to the
 * working folder), any other is looked up in {@code PATH}. A command that is not there is a clear line at once, where
 * the SDK would report only that the server never answered. Then starts it deaf to the terminal's Ctrl-C.
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

    /**
     * The command line that runs {@code command} with SIGINT ignored. Ctrl-C at a terminal signals the whole
     * foreground process group, and a server started as a child is in it: that Ctrl-C is the user's to the chat (which
     * cancels the turn, and the call on the server, the protocol's way), not a request to kill every server. Java
     * cannot start a child in a process group of its own, but an ignored signal stays ignored across {@code exec}, and
     * servers on the JVM or Python leave an ignored SIGINT ignored (Node resets it, so a Node server still dies). The chat still ends its servers itself (their
     * input closed, then the process destroyed), so nothing outlives it. Windows has no such signal to shield from.
     */
    static List<String> ignoringInterrupt(String command, List<String> args) {
        List<String> line = new ArrayList<>();
        if (!File.separator.equals("\\")) {
            line.addAll(List.of("/bin/sh", "-c", "trap '' INT; exec \"$0\" \"$@\""));
        }
        line.add(command);
        line.addAll(args);
        return line;
    }
}
