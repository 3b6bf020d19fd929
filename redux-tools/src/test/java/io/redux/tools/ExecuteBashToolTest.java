package io.redux.tools;

import io.redux.domain.tool.ToolOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ExecuteBashToolTest {

    @TempDir
    Path dir;

    @Test
    void returnsExitCodeStdoutAndStderr() {
        ToolOutput output = new ExecuteBashTool(dir).run(Args.of("command", "echo out; echo err >&2; exit 3"));

        assertThat(output).isEqualTo(ToolOutput.success("exit code: 3\nstdout:\nout\n\nstderr:\nerr\n"));
    }

    @Test
    void runsInTheWorkingDirectory() throws Exception {
        ToolOutput output = new ExecuteBashTool(dir).run(Args.of("command", "pwd"));

        assertThat(output.content()).contains(dir.toRealPath().toString());
    }

    @Test
    void aCommandReadingInputSeesItsEndAtOnce() {
        ToolOutput output = new ExecuteBashTool(dir).run(Args.of("command", "cat; echo done"));

        assertThat(output.content()).startsWith("exit code: 0\nstdout:\ndone\n");
    }

    @Test
    void aCommandThatRunsTooLongIsStopped() {
        ExecuteBashTool tool = new ExecuteBashTool(dir, Duration.ofMillis(200), 1000);

        ToolOutput output = tool.run(Args.of("command", "echo started; sleep 30"));

        assertThat(output.error()).isTrue();
        assertThat(output.content()).contains("did not finish within 200 ms").contains("started");
    }

    @Test
    void longOutputIsCutWithANote() {
        ExecuteBashTool tool = new ExecuteBashTool(dir, Duration.ofSeconds(30), 10);

        ToolOutput output = tool.run(Args.of("command", "printf '%0100d' 0"));

        assertThat(output.content()).contains("stdout:\n0000000000\n[90 more bytes not shown: output limit of 10 bytes]");
    }

    @Test
    void anInterruptedCallerStopsTheCommandAndKeepsItsInterruptFlag() {
        ExecuteBashTool tool = new ExecuteBashTool(dir);
        Thread.currentThread().interrupt();
        try {
            ToolOutput output = tool.run(Args.of("command", "sleep 30"));

            assertThat(output.error()).isTrue();
            assertThat(output.content()).contains("interrupted by the user");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aMissingCommandIsAClearError() {
        assertThat(new ExecuteBashTool(dir).run(Args.of()))
                .isEqualTo(ToolOutput.error("execute_bash: argument 'command' is required."));
        assertThat(new ExecuteBashTool(dir).run(Args.of("command", " ")))
                .isEqualTo(ToolOutput.error("execute_bash: argument 'command' must not be empty."));
    }
}
