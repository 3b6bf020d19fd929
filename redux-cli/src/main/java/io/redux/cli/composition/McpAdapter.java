package io.redux.cli.composition;

import io.redux.cli.CliEnvironment;
import io.redux.cli.mcp.McpAccess;
import io.redux.cli.output.SafeFileWriter;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.error.StorageException;
import io.redux.domain.tool.ToolRegistry;
import io.redux.domain.workspace.WorkspaceApprovals;
import io.redux.domain.workspace.WorkspaceFile;
import io.redux.mcp.McpConfigEdits;
import io.redux.mcp.McpConfigFiles;
import io.redux.mcp.McpConfiguration;
import io.redux.mcp.McpServerConfig;
import io.redux.mcp.McpServers;
import io.redux.storage.json.JsonWorkspaceApprovals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the MCP side does with the adapter's types: made by {@link AdapterMcpAccess} only once a file exists. */
final class McpAdapter {

    private final CliEnvironment environment;
    private final WorkspaceApprovals approvals;

    McpAdapter(CliEnvironment environment, Clock clock) {
        this.environment = environment;
        this.approvals = new JsonWorkspaceApprovals(environment.userHome().resolve(JsonWorkspaceApprovals.DEFAULT_FILE),
                clock);
    }

    private McpConfiguration read(Path commandLineFile) {
        return read(commandLineFile, null);
    }

    /**
     * The servers of the mcp.json files (unless an agent leaves them out), then an agent file's (its mcpServers has
     * their shape, so it is read as one of them, and approved as one), then the command line's.
     */
    private McpConfiguration read(Path commandLineFile, McpAccess.AgentServers agent) {
        List<McpConfigFiles.Source> sources = new ArrayList<>();
        List<McpConfigFiles.Source> standard = McpConfigFiles.sources(environment.userHome(),
                environment.workingDirectory(), Optional.empty());
        if (agent == null || agent.withMcpJson()) {
            sources.addAll(standard);
        }
        if (agent != null && agent.hasServers()) {
            sources.add(new McpConfigFiles.Source(agent.file(), agent.workspace() ? McpServerConfig.Scope.WORKSPACE
                    : McpServerConfig.Scope.GLOBAL));
        }
        if (commandLineFile != null) {
            sources.add(new McpConfigFiles.Source(commandLineFile, McpServerConfig.Scope.COMMAND_LINE));
        }
        return McpConfigFiles.load(sources, environment.variables());
    }

    McpAccess.ServerList list(Path commandLineFile) {
        McpConfiguration configuration = read(commandLineFile);
        List<McpAccess.ServerView> views = new ArrayList<>();
        for (McpServerConfig server : configuration.servers()) {
            String state = server.disabled() ? "disabled" : approved(server) ? "enabled" : "not approved";
            views.add(view(server, state, "", List.of()));
        }
        return new McpAccess.ServerList(views, configuration.warnings());
    }

    McpAccess.RunningServers start(Path commandLineFile, McpAccess.AgentServers agent, ToolRegistry registry,
                                   McpAccess.WorkspaceApprover approver, McpAccess.Notices notices) {
        McpConfiguration configuration = read(commandLineFile, agent);
        configuration.warnings().forEach(notices::warning);
        McpServers servers = new McpServers(version(), environment.variables(), new McpServers.Events() {
            @Override
            public void ready(String server, List<String> tools, Duration took) {
                notices.ready(server, tools.size(), took.toMillis());
            }

            @Override
            public void failed(String server, String reason) {
                notices.failed(server, reason);
            }
        });
        Map<WorkspaceFile, Boolean> decided = new LinkedHashMap<>();
        for (McpServerConfig server : configuration.servers()) {
            if (server.disabled()) {
                servers.skip(server, McpServers.State.DISABLED, "disabled in " + server.source());
            } else if (server.workspaceFile().isPresent() && !decided.computeIfAbsent(server.workspaceFile().get(),
                    file -> approvedOrAsk(file, configuration, approver))) {
                servers.skip(server, McpServers.State.SKIPPED, "not approved");
            } else {
                servers.start(server, registry);
            }
        }
        return new Running(servers);
    }

    private boolean approvedOrAsk(WorkspaceFile file, McpConfiguration configuration,
                                  McpAccess.WorkspaceApprover approver) {
        if (approvals.isApproved(file)) {
            return true;
        }
        List<String> runs = configuration.servers().stream()
                .filter(server -> server.workspaceFile().filter(file::equals).isPresent() && !server.disabled())
                .map(server -> server.name() + ": " + server.transport().describe()).toList();
        if (!approver.approve(file.realPath(), runs)) {
            return false;
        }
        approvals.approve(file);
        return true;
    }

    private boolean approved(McpServerConfig server) {
        return server.workspaceFile().map(approvals::isApproved).orElse(true);
    }

    List<String> approve(Path file) {
        Path target = file != null ? file : environment.workingDirectory().resolve(McpConfigFiles.WORKSPACE);
        byte[] content;
        Path real;
        try {
            real = target.toRealPath();
            content = Files.readAllBytes(real);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("There is no MCP configuration file " + target + ".");
        } catch (IOException e) {
            throw new InvalidInputException("Could not read " + target + ": " + e.getMessage());
        }
        // The content shown is the content approved: both come from the one read above.
        McpConfiguration configuration = McpConfigFiles.parse(new McpConfigFiles.Source(real,
                McpServerConfig.Scope.WORKSPACE), real, content, environment.variables());
        List<String> runs = new ArrayList<>();
        configuration.warnings().forEach(warning -> runs.add("(warning) " + warning));
        configuration.servers().stream().filter(server -> !server.disabled())
                .forEach(server -> runs.add(server.name() + ": " + server.transport().describe()));
        approvals.approve(WorkspaceFile.of(real, content));
        return runs;
    }

    Path add(boolean workspace, String name, McpAccess.NewServer server, boolean replace) {
        Path file = file(workspace);
        McpConfigEdits.NewServer added = new McpConfigEdits.NewServer(server.command(), server.args(), server.env(),
                server.url(), server.headers(), Optional.ofNullable(server.timeoutMillis()));
        write(file, McpConfigEdits.withServer(current(file), file.toString(), name, added, replace));
        return file;
    }

    Path remove(boolean workspace, String name) {
        Path file = file(workspace);
        byte[] content = current(file).orElseThrow(() -> new InvalidInputException("There is no MCP configuration "
                + "file " + file + "."));
        write(file, McpConfigEdits.withoutServer(content, file.toString(), name));
        return file;
    }

    private Path file(boolean workspace) {
        return workspace ? environment.workingDirectory().resolve(McpConfigFiles.WORKSPACE)
                : environment.userHome().resolve(McpConfigFiles.GLOBAL);
    }

    private static Optional<byte[]> current(Path file) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whole or not at all: the file is replaced by a complete new one, never left half-written. */
    private static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StorageException("Cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        SafeFileWriter.write(file, out -> out.write(new String(content, StandardCharsets.UTF_8)), true);
    }

    private static McpAccess.ServerView view(McpServerConfig server, String state, String detail, List<String> tools) {
        return new McpAccess.ServerView(server.name(), server.scope().label(), server.source(),
                server.transport().kind(), server.transport().describe(), state, detail, tools);
    }

    private static String version() {
        String version = McpAdapter.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }

    /** The started servers, as the commands see them. */
    private record Running(McpServers servers) implements McpAccess.RunningServers {

        @Override
        public void awaitStarts() throws InterruptedException {
            servers.awaitStarts();
        }

        @Override
        public List<McpAccess.ServerView> statuses() {
            return servers.statuses().stream().map(status -> view(status.config(),
                    status.state().name().toLowerCase(java.util.Locale.ROOT), status.detail(), status.tools()))
                    .toList();
        }

        @Override
        public void close() {
            servers.close();
        }
    }
}
