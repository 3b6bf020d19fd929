package io.redux.domain.agent;

import io.redux.domain.tool.Tool;
import io.redux.domain.tool.TrustPattern;
import io.redux.domain.workspace.WorkspaceFile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent, as an agent file of the original CLI's format defines it, its tool names already Redux's
 * ({@link BuiltInToolNames}).
 *
 * @param description      or null
 * @param prompt           the text joined to the system prompt (a {@code file://} prompt already read), or null
 * @param workspaceFile    for a workspace agent, the file as it is now, which runs commands only once approved
 * @param mcpServers       the names of the servers the file defines
 * @param tools            which tools the model is offered ({@code *}, {@code @builtin}, {@code @server},
 *                         {@code @server/tool}, names); none when the file lists none, as in the original CLI
 * @param toolAliases      a tool's name ({@code file_read}, {@code @server/tool}) to the name the model sees
 * @param allowedTools     patterns of tools that run without asking, as {@link TrustPattern}s
 * @param useAwsAllowed    {@code toolsSettings.use_aws.allowedServices}
 * @param useAwsDenied     {@code toolsSettings.use_aws.deniedServices}
 * @param resources        the context files: paths and globs relative to the working folder
 * @param model            the model id the file names, or null
 * @param warnings         what was ignored in the file, one line each
 */
public record Agent(String name, String description, Path source, Scope scope, Optional<WorkspaceFile> workspaceFile,
                    String prompt, List<String> mcpServers, List<String> tools, Map<String, String> toolAliases,
                    List<String> allowedTools, List<String> useAwsAllowed, List<String> useAwsDenied,
                    List<String> resources, List<Hook> hooks, boolean useLegacyMcpJson, String model,
                    List<String> warnings) {

    /** Where an agent file was found: workspace files are someone else's code. */
    public enum Scope {
        GLOBAL, WORKSPACE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Agent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(workspaceFile, "workspaceFile");
        mcpServers = List.copyOf(mcpServers);
        tools = List.copyOf(tools);
        toolAliases = Map.copyOf(toolAliases);
        allowedTools = List.copyOf(allowedTools);
        useAwsAllowed = List.copyOf(useAwsAllowed);
        useAwsDenied = List.copyOf(useAwsDenied);
        resources = List.copyOf(resources);
        hooks = List.copyOf(hooks);
        warnings = List.copyOf(warnings);
    }

    /** Whether the model is offered {@code tool}: {@link #tools} names it. */
    public boolean offers(Tool tool) {
        return tools.stream().anyMatch(pattern -> new TrustPattern(pattern).matches(tool));
    }

    /** The name the model sees for {@code tool}: its alias, else its own name. */
    public String nameForModel(Tool tool) {
        for (String name : tool.trustNames()) {
            String alias = toolAliases.get(name);
            if (alias != null) {
                return alias;
            }
        }
        return toolAliases.getOrDefault(tool.name(), tool.name());
    }

    /** The hooks of {@code trigger}, in file order. */
    public List<Hook> hooks(HookTrigger trigger) {
        return hooks.stream().filter(hook -> hook.trigger() == trigger).toList();
    }

    /**
     * Whether a workspace file of this agent needs the user's approval before it is used in full: it runs commands, or
     * it trusts tools ({@code allowedTools}, {@code toolsSettings.use_aws.allowedServices}).
     */
    public boolean needsApproval() {
        return runsCommands() || !allowedTools.isEmpty() || !useAwsAllowed.isEmpty();
    }

    /** Whether the file can make Redux run a command: a hook or an MCP server. */
    public boolean runsCommands() {
        return !hooks.isEmpty() || !mcpServers.isEmpty();
    }
}
