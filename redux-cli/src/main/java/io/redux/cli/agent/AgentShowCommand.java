package io.redux.cli.agent;

import io.redux.cli.CliEnvironment;
import io.redux.cli.output.Json;
import io.redux.cli.output.TerminalText;
import io.redux.domain.agent.Agent;
import io.redux.domain.agent.AgentCatalog;
import io.redux.domain.agent.Hook;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show an agent as Redux applies it: the original CLI's tool names mapped to Redux's "
                + "(fs_read is file_read, fs_write is file_write), the prompt, resources, hooks and model.")
final class AgentShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The agent.")
    String name;

    @Option(names = "--json", description = "Print one JSON object for scripts.")
    boolean json;

    @Inject
    CliEnvironment environment;

    @Inject
    Provider<AgentAccess> agents;

    @Override
    public Integer call() {
        AgentCatalog catalog = agents.get().catalog();
        Agent agent = Agents.find(catalog, name);
        Map<String, Object> shown = describe(agent, agents.get().approved(agent));
        if (json) {
            environment.out().println(Json.write(shown));
        } else {
            shown.forEach((field, value) -> environment.out().println(TerminalText.escape(field + ": "
                    + (value instanceof List<?> list ? (list.isEmpty() ? "(none)" : String.join(", ",
                    list.stream().map(String::valueOf).toList())) : String.valueOf(value)))));
        }
        environment.out().flush();
        AgentWarnings.print(environment, catalog.allWarnings());
        return 0;
    }

    static Map<String, Object> describe(Agent agent, boolean approved) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("name", agent.name());
        shown.put("file", agent.source().toString());
        shown.put("scope", agent.scope().label());
        shown.put("approved", agent.scope() == Agent.Scope.GLOBAL ? "yes (global)" : approved ? "yes" : "no");
        shown.put("description", agent.description() == null ? "" : agent.description());
        shown.put("model", agent.model() == null ? "(default)" : agent.model());
        shown.put("tools", agent.tools());
        List<String> aliases = new ArrayList<>();
        agent.toolAliases().forEach((tool, alias) -> aliases.add(tool + " as " + alias));
        shown.put("tool_aliases", aliases);
        shown.put("allowed_tools", agent.allowedTools());
        shown.put("use_aws_allowed_services", agent.useAwsAllowed());
        shown.put("use_aws_denied_services", agent.useAwsDenied());
        shown.put("resources", agent.resources());
        List<String> hooks = new ArrayList<>();
        for (Hook hook : agent.hooks()) {
            hooks.add(hook.trigger().fileName() + ": " + hook.command() + (hook.trigger().supported() ? ""
                    : " (not run yet)"));
        }
        shown.put("hooks", hooks);
        shown.put("mcp_servers", agent.mcpServers());
        shown.put("use_legacy_mcp_json", agent.useLegacyMcpJson());
        shown.put("prompt", agent.prompt() == null ? "" : agent.prompt());
        return shown;
    }
}
