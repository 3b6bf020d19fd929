package io.redux.mcp;

import io.redux.domain.workspace.WorkspaceFile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One MCP server as a configuration file gives it, its {@code ${VAR}} references already replaced.
 *
 * @param name      the server's name, the key under {@code mcpServers}
 * @param scope     which file it came from
 * @param source    that file
 * @param transport how it is reached
 * @param timeout   the longest a call may take, and the longest its start is waited for in one-shot mode
 *                  (the file's {@code timeout}, in milliseconds)
 * @param disabled  the file's {@code disabled}: listed, never started
 * @param workspaceFile for a workspace server, the file as it was read: it starts only once approved
 */
public record McpServerConfig(String name, Scope scope, Path source, Transport transport, Optional<Duration> timeout,
                              boolean disabled, Optional<WorkspaceFile> workspaceFile) {

    /** The original CLI's per-call default. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(120);

    /** How long a server's start is waited for when its file sets no {@code timeout}. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(10);

    public McpServerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(workspaceFile, "workspaceFile");
    }

    public Duration callTimeout() {
        return timeout.orElse(DEFAULT_CALL_TIMEOUT);
    }

    public Duration startTimeout() {
        return timeout.orElse(DEFAULT_START_TIMEOUT);
    }

    /** Where a server was configured; a later scope wins a name clash. */
    public enum Scope {
        /** {@code ~/.aws/amazonq/mcp.json}: the user's own. */
        GLOBAL,
        /** {@code .amazonq/mcp.json} of the working folder: starts only once approved. */
        WORKSPACE,
        /** A file named on the command line: the user's own, for this run. */
        COMMAND_LINE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** How a server is reached. */
    public sealed interface Transport {

        /** A one-word name: {@code stdio} or {@code http}. */
        String kind();

        /** What it runs or calls, for the user to read. */
        String describe();
    }

    /** A child process speaking over its stdin and stdout. */
    public record Stdio(String command, List<String> args, Map<String, String> env) implements Transport {

        public Stdio {
            args = List.copyOf(args);
            env = Map.copyOf(env);
        }

        @Override
        public String kind() {
            return "stdio";
        }

        @Override
        public String describe() {
            return args.isEmpty() ? command : command + " " + String.join(" ", args);
        }
    }

    /** A Streamable HTTP endpoint. */
    public record Http(String url, Map<String, String> headers) implements Transport {

        public Http {
            headers = Map.copyOf(headers);
        }

        @Override
        public String kind() {
            return "http";
        }

        @Override
        public String describe() {
            return url;
        }
    }
}
