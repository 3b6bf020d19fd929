package io.redux.tools;

import io.redux.domain.agent.Hook;
import io.redux.domain.agent.HookRunner.HookResult;
import io.redux.domain.agent.HookTrigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShellHookRunnerTest {

    @TempDir
    Path work;

    private final ShellHookRunner runner = new ShellHookRunner();

    @Test
    void aHookGetsTheEventOnStdinAndRunsInTheWorkingFolder() throws java.io.IOException {
        HookResult result = run(hook(HookTrigger.USER_PROMPT_SUBMIT, "cat; echo; pwd", Duration.ofSeconds(30)), "hi");

        assertThat(result.succeeded()).isTrue();
        assertThat(result.output()).contains("\"hook_event_name\":\"userPromptSubmit\"").contains("\"prompt\":\"hi\"")
                .contains("\"cwd\":\"" + work.toAbsolutePath() + "\"").contains(work.toRealPath().toString());
    }

    @Test
    void aFailingHookSaysItsExitCodeAndStderr() {
        HookResult result = run(hook(HookTrigger.AGENT_SPAWN, "echo broken >&2; exit 3", Duration.ofSeconds(30)), null);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failure()).isEqualTo("exited with 3: broken");
    }

    @Test
    void aHookOverItsTimeIsStopped() {
        HookResult result = run(hook(HookTrigger.AGENT_SPAWN, "sleep 30", Duration.ofMillis(200)), null);

        assertThat(result.failure()).isEqualTo("timed out after 200 ms");
    }

    @Test
    void outputOverTheLimitIsCut() {
        Hook hook = new Hook(HookTrigger.AGENT_SPAWN, "printf 'abcdefghij'", Duration.ofSeconds(30), 4, null);

        assertThat(run(hook, null).output()).startsWith("abcd").doesNotContain("efghij");
    }

    private HookResult run(Hook hook, String prompt) {
        return runner.run(List.of(hook), work, prompt).get(0);
    }

    private static Hook hook(HookTrigger trigger, String command, Duration timeout) {
        return new Hook(trigger, command, timeout, Hook.DEFAULT_MAX_OUTPUT_BYTES, null);
    }
}
