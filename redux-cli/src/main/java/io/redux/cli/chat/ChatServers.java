package io.redux.cli.chat;

import io.redux.cli.mcp.McpAccess;
import io.redux.cli.output.TerminalText;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * How a chat meets its MCP servers: what it says of them, one line each, and who approves a workspace file. One-shot
 * mode has nobody to ask: an unapproved workspace file is skipped, with the command that approves it.
 */
final class ChatServers {

    private ChatServers() {
    }

    /** Lines for a one-shot chat, on stderr: warnings only, the answer owns stdout. */
    static McpAccess.Notices oneShotNotices(PrintWriter err) {
        return notices(line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        }, false);
    }

    /** Lines for an interactive chat: above the prompt, so they never break the line being typed. */
    static McpAccess.Notices interactiveNotices(ConsoleInput input, Style style) {
        return notices(line -> input.printAbove(line.startsWith("redux_cli:") ? line : style.dim(line)), true);
    }

    private static McpAccess.Notices notices(Consumer<String> print, boolean sayReady) {
        return new McpAccess.Notices() {
            @Override
            public void ready(String server, int tools, long millis) {
                if (sayReady) {
                    print.accept(TerminalText.escape("MCP server " + server + " ready: " + tools
                            + (tools == 1 ? " tool" : " tools") + " (" + millis + " ms)"));
                }
            }

            @Override
            public void warning(String line) {
                print.accept(TerminalText.escape("redux_cli: warning: " + line));
            }

            @Override
            public void failed(String server, String reason) {
                warning("MCP server " + server + " " + reason);
            }
        };
    }

    static McpAccess.WorkspaceApprover refuseInOneShot(PrintWriter err) {
        return (file, runs) -> {
            err.println(TerminalText.escape("redux_cli: warning: skipped the MCP servers of " + file + ": a workspace "
                    + "file runs only once approved; approve it with: redux_cli mcp approve " + file));
            err.flush();
            return false;
        };
    }

    static McpAccess.WorkspaceApprover askAtTheTerminal(ConsoleInput input, PrintWriter out, Style style) {
        return (Path file, List<String> runs) -> ask(input, out, style, "The workspace file "
                + TerminalText.escape(file.toString()) + " would start these MCP servers:", runs,
                "Start them, now and whenever this file is unchanged? [y/n] ",
                "Not started. redux_cli mcp approve approves the file later.");
    }

    /**
     * Asks at the terminal whether a workspace file may run what it lists, until the answer is yes or no.
     *
     * @param heading already escaped; {@code runs} are escaped here
     */
    static boolean ask(ConsoleInput input, PrintWriter out, Style style, String heading, List<String> runs,
                       String question, String declined) {
        out.println(style.bold(heading));
        runs.forEach(run -> out.println("  " + TerminalText.escape(run)));
        out.flush();
        while (true) {
            String answer = input.readAnswer(style.bold(question));
            if (answer == null) {
                return false;
            }
            switch (answer.strip().toLowerCase(Locale.ROOT)) {
                case "y", "yes" -> {
                    return true;
                }
                case "n", "no" -> {
                    out.println(style.dim(declined));
                    return false;
                }
                default -> out.println("Answer y (yes) or n (no).");
            }
        }
    }
}
