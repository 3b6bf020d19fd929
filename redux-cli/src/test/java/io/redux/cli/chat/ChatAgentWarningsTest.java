package io.redux.cli.chat;

import io.redux.cli.agent.ChosenAgent;
import io.redux.cli.agent.FolderAgents;
import io.redux.domain.agent.HookRunner;
import io.redux.mcp.AgentFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A chat as one agent warns about that agent's file and about files that could not be read, not about the others. */
class ChatAgentWarningsTest {

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void aChatWarnsAboutItsAgentsFileAndUnreadableFilesButNotAboutAnotherAgentsFields() throws IOException {
        Path folder = Files.createDirectories(work.resolve(AgentFiles.WORKSPACE_DIR));
        Files.writeString(folder.resolve("team.json"), "{\"tools\": [\"knowledge\"]}");
        Files.writeString(folder.resolve("other.json"), "{\"tools\": [\"report_issue\"]}");
        Files.writeString(folder.resolve("broken.json"), "{");
        List<String> lines = new ArrayList<>();

        new ChatAgent(new ChosenAgent(), lines::add).find(new FolderAgents(home, work, HookRunner.NONE), "team");

        assertThat(lines).anyMatch(line -> line.contains("team.json: tools: knowledge names no built-in tool"))
                .anyMatch(line -> line.contains("broken.json is not valid JSON"))
                .noneMatch(line -> line.contains("other.json"));
    }
}
