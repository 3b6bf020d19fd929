package io.redux.cli.chat;

import io.redux.cli.agent.AgentAccess;
import io.redux.cli.agent.Agents;
import io.redux.cli.agent.ChosenAgent;
import io.redux.cli.mcp.McpAccess;
import io.redux.cli.output.TerminalText;
import io.redux.domain.agent.Agent;
import io.redux.domain.agent.AgentCatalog;
import io.redux.domain.agent.Hook;
import io.redux.domain.agent.HookRunner;
import io.redux.domain.agent.HookTrigger;
import io.redux.domain.chat.Chat;
import io.redux.domain.chat.SessionContext;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.ModelId;
import io.redux.domain.port.ContextFile;
import io.redux.domain.port.ContextSelection;
import io.redux.domain.tool.ToolPolicy;
import io.redux.domain.tool.ToolRegistry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * How a chat runs as an agent ({@code chat --agent NAME}): its prompt joins the system prompt, its resources replace
 * the default context files, its {@code tools} and {@code toolAliases} decide what the model is offered and by what
 * name, its {@code model} is used unless {@code --model-id} is given, and its hooks run. A workspace agent's file is
 * someone else's code: until the user approved its content, its hooks do not run and its {@code allowedTools} trust
 * nothing (its prompt, resources and tool filter, which grant nothing, still apply).
 */
final class ChatAgent {

    private final ChosenAgent chosen;
    private final Consumer<String> warn;

    ChatAgent(ChosenAgent chosen, Consumer<String> warn) {
        this.chosen = chosen;
        this.warn = line -> warn.accept(TerminalText.escape("redux_cli: warning: " + line));
    }

    /**
     * Finds agent {@code name}, saying which agent files could not be read; a bad name is bad usage, listing the
     * agents there are.
     */
    Agent find(AgentAccess agents, String name) {
        AgentCatalog catalog = agents.catalog();
        // The files that could not be read may hold the agent meant; other agents' ignored fields are not this chat's.
        catalog.warnings().forEach(warn);
        Agent agent = Agents.find(catalog, name);
        AgentCatalog.warningsOf(agent).forEach(warn);
        return agent;
    }

    Optional<Agent> agent() {
        return chosen.agent();
    }

    /** Says which of the agent's hooks Redux does not run yet. */
    void sayWhatIsIgnored() {
        chosen.agent().ifPresent(agent -> {
            String unsupported = agent.hooks().stream().map(Hook::trigger).filter(trigger -> !trigger.supported())
                    .map(HookTrigger::fileName).distinct().collect(Collectors.joining(", "));
            if (!unsupported.isEmpty()) {
                warn.accept("agent " + agent.name() + ": its " + unsupported + " hooks are not run: Redux runs "
                        + "agentSpawn and userPromptSubmit hooks only");
            }
        });
    }

    /**
     * The agent's MCP side: its own servers, and whether those of the mcp.json files start too (its
     * {@code useLegacyMcpJson}, as the original CLI); null without an agent, when the mcp.json files' start as ever.
     */
    McpAccess.AgentServers servers() {
        return chosen.agent().map(agent -> new McpAccess.AgentServers(agent.source(),
                agent.scope() == Agent.Scope.WORKSPACE, !agent.mcpServers().isEmpty(), agent.useLegacyMcpJson()))
                .orElse(null);
    }

    /** The model: {@code --model-id} if given, else the agent's when it is a Redux model id, else null (default). */
    ModelId model(ModelId flag) {
        if (flag != null || chosen.agent().map(Agent::model).isEmpty()) {
            return flag;
        }
        String model = chosen.agent().get().model();
        if (model.startsWith(ModelId.PREFIX + ":")) {
            try {
                return ModelId.parse(model);
            } catch (InvalidInputException e) {
                warn.accept("agent " + chosen.agent().get().name() + ": model " + model + " is not usable ("
                        + e.getMessage() + "); the default model is used");
                return null;
            }
        }
        warn.accept("agent " + chosen.agent().get().name() + ": model " + model + " is not a Redux model id ("
                + ModelId.FORM + "); the default model is used");
        return null;
    }

    /** The system prompt: Redux's, then the agent's prompt. */
    String systemPrompt() {
        return chosen.agent().map(Agent::prompt).filter(prompt -> !prompt.isBlank())
                .map(prompt -> Chat.DEFAULT_SYSTEM_PROMPT + "\n\n" + prompt).orElse(Chat.DEFAULT_SYSTEM_PROMPT);
    }

    /** The context files: the agent's resources instead of the defaults, as the original CLI's agents. */
    ContextSelection contextSelection() {
        return chosen.agent().map(agent -> new ContextSelection(agent.resources(), List.of()))
                .orElse(ContextSelection.DEFAULT);
    }

    /** Offers the model the agent's tools by their aliases; a trusted agent's allowedTools run without asking. */
    void applyTo(ToolRegistry tools, ToolPolicy policy) {
        chosen.agent().ifPresent(agent -> {
            tools.offer(new ToolRegistry.Offer(agent::offers, agent::nameForModel));
            if (chosen.trusted()) {
                agent.allowedTools().forEach(policy::trust);
            }
        });
    }

    /**
     * Runs the agent's {@code agentSpawn} hooks now and sets its {@code userPromptSubmit} hooks to run on each prompt,
     * when the agent is trusted; otherwise says once that they are skipped.
     */
    void startHooks(SessionContext context, Supplier<HookRunner> runners, Path workingFolder) {
        Optional<Agent> maybe = chosen.agent();
        if (maybe.isEmpty() || maybe.get().hooks().isEmpty()) {
            return;
        }
        Agent agent = maybe.get();
        if (!chosen.trusted()) {
            if (agent.hooks().stream().anyMatch(hook -> hook.trigger().supported())) {
                warn.accept("skipped the hooks of agent " + agent.name() + " (" + agent.source() + "): a workspace "
                        + "agent runs commands only once approved; approve it with: redux_cli agent approve "
                        + agent.name());
            }
            return;
        }
        HookRunner runner = runners.get();
        context.addStartHookOutput(run(runner, agent.hooks(HookTrigger.AGENT_SPAWN), workingFolder, null));
        List<Hook> promptHooks = agent.hooks(HookTrigger.USER_PROMPT_SUBMIT);
        if (!promptHooks.isEmpty()) {
            context.onEachPrompt(prompt -> run(runner, promptHooks, workingFolder, prompt));
        }
    }

    private List<ContextFile> run(HookRunner runner, List<Hook> hooks, Path workingFolder, String prompt) {
        List<ContextFile> outputs = new ArrayList<>();
        if (hooks.isEmpty()) {
            return outputs;
        }
        for (HookRunner.HookResult result : runner.run(hooks, workingFolder, prompt)) {
            String name = result.hook().trigger().fileName() + " hook `" + result.hook().command() + "`";
            if (!result.succeeded()) {
                warn.accept(name + " " + result.failure() + "; the chat goes on without its output");
            } else if (!result.output().isBlank()) {
                outputs.add(new ContextFile(name, result.output(), result.output().length(), 0));
            }
        }
        return outputs;
    }

    /** What the workspace agent would run or trust, for the question that approves it. */
    static List<String> whatItWouldDo(Agent agent) {
        List<String> lines = new ArrayList<>(Agents.runs(agent));
        if (!agent.allowedTools().isEmpty()) {
            lines.add("run without asking: " + String.join(", ", agent.allowedTools()));
        }
        if (!agent.useAwsAllowed().isEmpty()) {
            lines.add("use_aws without asking for: " + String.join(", ", agent.useAwsAllowed()));
        }
        return lines;
    }
}
