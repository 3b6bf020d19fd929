package io.redux.mcp;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CommandsTest {

    /**
     * The terminal's Ctrl-C reaches the foreground process group; a server outside it is never signalled, whatever it
     * does with SIGINT (Node resets an ignored one). Read from /proc, so Linux only.
     */
    @Test
    void aServerRunsInAProcessGroupOfItsOwnOutOfTheTerminalsReach() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "needs /proc");
        List<String> line = Commands.outOfReachOfCtrlC("/bin/sh", List.of("-c", "cut -d' ' -f5 /proc/$$/stat"));

        Process server = new ProcessBuilder(line).redirectErrorStream(true).start();
        String serversGroup = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(serversGroup).matches("\\d+").isNotEqualTo(processGroupOfThisJvm());
    }

    @Test
    void theServerKeepsItsCommandAndArguments() {
        List<String> line = Commands.outOfReachOfCtrlC("uvx", List.of("mcp-server-git", "--repo", "."));

        assertThat(line.subList(line.size() - 4, line.size())).containsExactly("uvx", "mcp-server-git", "--repo", ".");
    }

    private static String processGroupOfThisJvm() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        // The command name in brackets may hold spaces; the fields after it are plain: state, ppid, pgrp.
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return after[2];
    }
}
