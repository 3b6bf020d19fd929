package io.redux.cli.composition;

import io.redux.domain.agent.Agent;
import io.redux.domain.agent.AgentCatalog;
import io.redux.domain.error.InvalidInputException;
import io.redux.mcp.AgentFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the agent side does with the MCP adapter's types: loaded only once an agent folder or file is read. */
final class AgentFilesReader {

    private AgentFilesReader() {
    }

    static AgentCatalog catalog(Path home, Path workingFolder) {
        return AgentFiles.load(home, workingFolder);
    }

    /** One file, as a workspace file when it lies in {@code workingFolder}'s agent folder. */
    static Agent read(Path file, Path workingFolder) {
        try {
            return AgentFiles.read(file, inWorkspace(file, workingFolder) ? Agent.Scope.WORKSPACE : Agent.Scope.GLOBAL);
        } catch (AgentFiles.UnusableAgentFile e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /** A file of this folder's agent folder is someone else's code; any other file is the user's own. */
    private static boolean inWorkspace(Path file, Path workingFolder) {
        try {
            Path folder = workingFolder.resolve(AgentFiles.WORKSPACE_DIR);
            return Files.isDirectory(folder) && file.toRealPath().startsWith(folder.toRealPath());
        } catch (IOException e) {
            return true;
        }
    }
}
