package io.redux.tools;

import io.redux.domain.agent.Hook;
import io.redux.domain.agent.HookRunner;
import io.redux.domain.json.JsonValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an agent's hooks as the original CLI does: {@code sh -c COMMAND} in the working folder, the hook event as JSON
 * on stdin ({@code hook_event_name}, {@code cwd}, and {@code prompt} for a prompt hook), stopped after its timeout,
 * its output kept up to its limit. Exit 0 gives its stdout; anything else is a failure with the first line of its
 * stderr.
 */
public final class ShellHookRunner implements HookRunner {

    @Override
    public List<HookResult> run(List<Hook> hooks, Path workingFolder, String prompt) {
        List<HookResult> results = new ArrayList<>();
        for (Hook hook : hooks) {
            results.add(runOne(hook, workingFolder, prompt));
        }
        return results;
    }

    private static HookResult runOne(Hook hook, Path workingFolder, String prompt) {
        Path event;
        try {
            // From a file, not a pipe: a hook that never reads its stdin cannot make Redux wait on a full pipe.
            event = Files.createTempFile("redux-hook-", ".json");
        } catch (IOException e) {
            return HookResult.failed(hook, "could not start: " + e.getMessage());
        }
        try {
            Files.writeString(event, event(hook, workingFolder, prompt).toJson(), StandardCharsets.UTF_8);
            Process process = new ProcessBuilder("sh", "-c", hook.command()).directory(workingFolder.toFile())
                    .redirectInput(event.toFile()).start();
            ChildProcess.Outcome outcome = ChildProcess.await(process, "hook", hook.timeout(), hook.maxOutputBytes());
            if (outcome instanceof ChildProcess.Exited exited) {
                if (exited.exitCode() == 0) {
                    return HookResult.succeeded(hook, exited.stdout());
                }
                String stderr = exited.stderr().strip().lines().findFirst().orElse("");
                return HookResult.failed(hook, "exited with " + exited.exitCode()
                        + (stderr.isEmpty() ? "" : ": " + stderr));
            }
            if (outcome instanceof ChildProcess.TimedOut) {
                return HookResult.failed(hook, "timed out after " + ChildProcess.describe(hook.timeout()));
            }
            return HookResult.failed(hook, "interrupted");
        } catch (IOException e) {
            return HookResult.failed(hook, "could not start: " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(event);
            } catch (IOException e) {
                // A temporary file left behind; the system's cleaning removes it.
            }
        }
    }

    private static JsonValue.JsonObject event(Hook hook, Path workingFolder, String prompt) {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        fields.put("hook_event_name", JsonValue.of(hook.trigger().fileName()));
        fields.put("cwd", JsonValue.of(workingFolder.toAbsolutePath().toString()));
        if (prompt != null) {
            fields.put("prompt", JsonValue.of(prompt));
        }
        return new JsonValue.JsonObject(fields);
    }
}
