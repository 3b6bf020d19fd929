package io.redux.mcp;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a server's command before it is started, as a shell would: a name with a {@code /} is a path (relative to the
 * working folder), any other is looked up in {@code PATH}. A command that is not there is a clear line at once, where
 * the SDK would report only that the server never answered. Then starts it out of reach of the terminal's Ctrl-C.
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
        if (onPath(command, environment).isEmpty()) {
            throw new McpServerException("could not start: command not found: " + command);
        }
    }

    /**
     * The command line that runs {@code command} out of reach of the terminal's Ctrl-C. Ctrl-C at a terminal signals
     * the whole foreground process group, and a server started as a child is in it: that Ctrl-C is the user's to the
     * chat (which cancels the turn, and the call on the server, the protocol's way), not a request to kill every
     * server. Java cannot start a child in a process group of its own, so {@code setsid} (util-linux, on every Linux)
     * does: the server gets a session and group of its own, whatever it does with its signals, Node included. Where
     * there is no {@code setsid} (macOS), {@code /bin/sh} starts it with SIGINT ignored, which stays ignored across
     * {@code exec}: JVM and Python servers keep it, a Node server resets it and still dies of a Ctrl-C. Either way the
     * server keeps its process id and stays the CLI's child, and the chat still ends its servers itself (their input
     * closed, then the process destroyed), so nothing outlives it. Windows has no such signal to shield from.
     */
    static List<String> outOfReachOfCtrlC(String command, List<String> args) {
        List<String> line = new ArrayList<>();
        if (!File.separator.equals("\\")) {
            Optional<Path> setsid = onPath("setsid", System.getenv());
            if (setsid.isPresent()) {
                line.add(setsid.get().toString());
            } else {
                line.addAll(List.of("/bin/sh", "-c", "trap '' INT; exec \"$0\" \"$@\""));
            }
        }
        line.add(command);
        line.addAll(args);
        return line;
    }

    private static Optional<Path> onPath(String command, Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator)).filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, command)).filter(Files::isExecutable).findFirst();
    }
}
