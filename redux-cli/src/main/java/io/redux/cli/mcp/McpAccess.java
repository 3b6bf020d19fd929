package io.redux.cli.mcp;

import io.redux.domain.tool.ToolRegistry;

import java.nio.file.Path;
import java.util.List;

/**
 * The MCP side of a command: the servers the configuration files give (the global {@code ~/.aws/amazonq/mcp.json},
 * the workspace {@code .amazonq/mcp.json}, and a file named with {@code --mcp-config}), started for a chat or a
 * status, and the approval of a workspace file. With no configuration file at all, nothing of MCP is loaded.
 */
public interface McpAccess {

    /**
     * The servers configured, none started.
     *
     * @param commandLineFile {@code --mcp-config}, or null
     */
    ServerList list(Path commandLineFile);

    /**
     * Starts every enabled server in the background (a workspace server only once its file is approved, asking
     * {@code approver} first); each server's tools join {@code registry} when it is ready.
     *
     * @param commandLineFile {@code --mcp-config}, or null
     */
    RunningServers start(Path commandLineFile, ToolRegistry registry, WorkspaceApprover approver, Notices notices);

    /**
     * As {@link #start(Path, ToolRegistry, WorkspaceApprover, Notices)}, for a chat with an agent: the servers of its
     * file too (its {@code mcpServers}, a workspace agent's only once its file is approved), and those of the mcp.json
     * files only when it says so.
     *
     * @param agent the agent's servers, or null for a chat without an agent
     */
    default RunningServers start(Path commandLineFile, AgentServers agent, ToolRegistry registry,
                                 WorkspaceApprover approver, Notices notices) {
        if (agent != null && (agent.hasServers() || !agent.withMcpJson())) {
            throw new UnsupportedOperationException("this MCP side does not start an agent's servers");
        }
        return start(commandLineFile, registry, approver, notices);
    }

    /**
     * The MCP side of an agent file.
     *
     * @param file         the agent file, whose {@code mcpServers} has the shape of an mcp.json file's
     * @param workspace    whether it is a workspace file, which runs only once approved
     * @param hasServers   whether it defines any server
     * @param withMcpJson  its {@code useLegacyMcpJson}: whether the mcp.json files' servers start too
     */
    record AgentServers(Path file, boolean workspace, boolean hasServers, boolean withMcpJson) {
    }

    /**
     * Approves the workspace file {@code file} with its content now.
     *
     * @return what it allows to run: one line per server
     */
    List<String> approve(Path file);

    /**
     * Adds server {@code name} to the global file, or with {@code workspace} to this folder's, written atomically and
     * keeping the other servers and unknown fields; a server of that name is replaced only with {@code replace}.
     *
     * @return the file written
     */
    Path add(boolean workspace, String name, NewServer server, boolean replace);

    /**
     * Removes server {@code name} from the global file, or with {@code workspace} from this folder's.
     *
     * @return the file written
     */
    Path remove(boolean workspace, String name);

    /**
     * A server to add: {@code command} (with {@code args}, {@code env}) or {@code url} (with {@code headers}), the other
     * null; a timeout in milliseconds, or null.
     */
    record NewServer(String command, List<String> args, java.util.Map<String, String> env, String url,
                     java.util.Map<String, String> headers, Long timeoutMillis) {
    }

    /** The configured servers and the warnings about the files. */
    record ServerList(List<ServerView> servers, List<String> warnings) {
    }

    /**
     * One server as the user sees it.
     *
     * @param scope     global, workspace or command-line
     * @param transport stdio or http
     * @param target    the command line or the URL
     * @param state     enabled, disabled, not approved; once started: starting, ready, failed, skipped
     * @param detail    how long it took to start, or why it failed or was skipped
     * @param tools     its tools' names for the model, once ready
     */
    record ServerView(String name, String scope, Path source, String transport, String target, String state,
                      String detail, List<String> tools) {
    }

    /** Servers started for one run; closing ends them and every process they started. */
    interface RunningServers extends AutoCloseable {

        RunningServers NONE = new RunningServers() {
            @Override
            public void awaitStarts() {
            }

            @Override
            public List<ServerView> statuses() {
                return List.of();
            }

            @Override
            public void close() {
            }
        };

        /** Waits for each server at most its start timeout. */
        void awaitStarts() throws InterruptedException;

        List<ServerView> statuses();

        @Override
        void close();
    }

    /** Decides whether a workspace file not approved yet may run what it names. */
    @FunctionalInterface
    interface WorkspaceApprover {

        /**
         * @param file the workspace file
         * @param runs what it would run, one line per server ({@code name: command args} or {@code name: url})
         */
        boolean approve(Path file, List<String> runs);
    }

    /** Where the servers' news goes: one line each. */
    interface Notices {

        /** A server is ready. */
        void ready(String server, int tools, long millis);

        /** A warning about the configuration: a file, or a server in it, that cannot be used. */
        void warning(String line);

        /** A server that failed to start, or failed later: {@code reason} follows its name. */
        void failed(String server, String reason);
    }
}
