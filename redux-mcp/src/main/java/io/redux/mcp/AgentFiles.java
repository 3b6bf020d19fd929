package io.redux.mcp;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redux.domain.agent.Agent;
import io.redux.domain.agent.AgentCatalog;
import io.redux.domain.agent.BuiltInToolNames;
import io.redux.domain.agent.Hook;
import io.redux.domain.agent.HookTrigger;
import io.redux.domain.workspace.WorkspaceFile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the original CLI's agent files ({@code docs/agent-format.md} of the Amazon Q Developer CLI): every
 * {@code *.json} of the workspace's {@code .amazonq/cli-agents/} and of the global {@code ~/.aws/amazonq/cli-agents/}.
 * Unknown fields are ignored; a file that cannot be used is one warning naming it and the place, and the other agents
 * still load; a part of a file Redux cannot use (an unknown built-in tool, a bad alias) is one warning and is
 * ignored. Built-in tool names are mapped to Redux's ({@link BuiltInToolNames}).
 */
public final class AgentFiles {

    /**
     * The global agent folder, under the user's home. A constant the compiler copies, so a caller can look for the
     * folder without loading anything of this module.
     */
    public static final String GLOBAL_FOLDER = ".aws/amazonq/cli-agents";

    /** The workspace agent folder, under the working folder; a constant the compiler copies, as {@link #GLOBAL_FOLDER}. */
    public static final String WORKSPACE_FOLDER = ".amazonq/cli-agents";

    public static final Path GLOBAL_DIR = Path.of(GLOBAL_FOLDER);
    public static final Path WORKSPACE_DIR = Path.of(WORKSPACE_FOLDER);

    /** The names Bedrock accepts for a tool. */
    private static final Pattern TOOL_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AgentFiles() {
    }

    /** A file that cannot be used as an agent at all. */
    public static final class UnusableAgentFile extends RuntimeException {
        UnusableAgentFile(String message) {
            super(message);
        }
    }

    /** Every agent of the global folder under {@code home} and of the workspace folder under {@code workingFolder}. */
    public static AgentCatalog load(Path home, Path workingFolder) {
        List<String> warnings = new ArrayList<>();
        Map<String, Agent> agents = new LinkedHashMap<>();
        for (Agent agent : readFolder(workingFolder.resolve(WORKSPACE_DIR), Agent.Scope.WORKSPACE, warnings)) {
            agents.putIfAbsent(agent.name(), agent);
        }
        for (Agent agent : readFolder(home.resolve(GLOBAL_DIR), Agent.Scope.GLOBAL, warnings)) {
            Agent workspace = agents.get(agent.name());
            if (workspace == null) {
                agents.put(agent.name(), agent);
            } else if (workspace.scope() == Agent.Scope.WORKSPACE) {
                // As the original CLI: the workspace's agent of a name is the one used.
                warnings.add("agent " + agent.name() + " is defined in " + workspace.source() + " and "
                        + agent.source() + "; the workspace one is used");
            }
        }
        return new AgentCatalog(List.copyOf(agents.values()), warnings);
    }

    private static List<Agent> readFolder(Path folder, Agent.Scope scope, List<String> warnings) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.json")) {
            entries.forEach(files::add);
        } catch (IOException e) {
            warnings.add("agent folder " + folder + " could not be read (" + e.getMessage() + ")");
            return List.of();
        }
        files.sort(null);
        List<Agent> agents = new ArrayList<>();
        for (Path file : files) {
            try {
                agents.add(read(file, scope));
            } catch (UnusableAgentFile e) {
                warnings.add(e.getMessage());
            }
        }
        return agents;
    }

    /**
     * Reads one agent file.
     *
     * @throws UnusableAgentFile naming the file and the place, when it cannot be read or is not a JSON object
     */
    public static Agent read(Path file, Agent.Scope scope) {
        byte[] content;
        Optional<WorkspaceFile> workspaceFile;
        try {
            content = Files.readAllBytes(file);
            workspaceFile = scope == Agent.Scope.WORKSPACE
                    ? Optional.of(WorkspaceFile.of(file.toRealPath(), content)) : Optional.empty();
        } catch (NoSuchFileException e) {
            throw new UnusableAgentFile("agent file " + file + " does not exist");
        } catch (IOException e) {
            throw new UnusableAgentFile("agent file " + file + " could not be read (" + e.getMessage() + ")");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new UnusableAgentFile("agent file " + file + " is not valid JSON"
                    + (at != null ? " at line " + at.getLineNr() + ", column " + at.getColumnNr() : "") + " ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + "); skipped");
        } catch (IOException e) {
            throw new UnusableAgentFile("agent file " + file + " could not be read (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new UnusableAgentFile("agent file " + file + " is not a JSON object; skipped");
        }
        return new Reader(file, scope, workspaceFile, root).agent();
    }

    /** One file's fields, with the warnings of what was ignored. */
    private static final class Reader {

        private final Path file;
        private final Agent.Scope scope;
        private final Optional<WorkspaceFile> workspaceFile;
        private final JsonNode root;
        private final List<String> warnings = new ArrayList<>();

        Reader(Path file, Agent.Scope scope, Optional<WorkspaceFile> workspaceFile, JsonNode root) {
            this.file = file;
            this.scope = scope;
            this.workspaceFile = workspaceFile;
            this.root = root;
        }

        Agent agent() {
            String fileName = file.getFileName().toString();
            String name = text("name");
            if (name == null || name.isBlank()) {
                name = fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
            }
            List<String> awsAllowed = new ArrayList<>();
            List<String> awsDenied = new ArrayList<>();
            toolsSettings(awsAllowed, awsDenied);
            Boolean legacy = bool("useLegacyMcpJson");
            return new Agent(name, text("description"), file, scope, workspaceFile, prompt(), mcpServers(),
                    toolList("tools", true), aliases(), toolList("allowedTools", false), awsAllowed, awsDenied,
                    resources(), hooks(), legacy != null && legacy, text("model"), warnings);
        }

        private String prompt() {
            String prompt = text("prompt");
            if (prompt == null || !prompt.startsWith("file://")) {
                return prompt;
            }
            Path target = Path.of(prompt.substring("file://".length()));
            Path resolved = target.isAbsolute() ? target : file.toAbsolutePath().getParent().resolve(target).normalize();
            try {
                return Files.readString(resolved);
            } catch (IOException e) {
                warnings.add("prompt: " + resolved + " could not be read (" + e.getMessage() + "); no prompt used");
                return null;
            }
        }

        private List<String> mcpServers() {
            JsonNode servers = field("mcpServers");
            if (servers == null) {
                return List.of();
            }
            if (!servers.isObject()) {
                warnings.add("mcpServers must be an object; ignored");
                return List.of();
            }
            List<String> names = new ArrayList<>();
            servers.fieldNames().forEachRemaining(names::add);
            return names;
        }

        private List<String> toolList(String field, boolean starAllowed) {
            List<String> mapped = new ArrayList<>();
            for (String name : strings(field)) {
                if (name.equals("*") && !starAllowed) {
                    warnings.add(field + ": a bare * is not allowed here (trust tools by name or pattern); ignored");
                    continue;
                }
                List<String> names = BuiltInToolNames.map(name);
                if (names.isEmpty()) {
                    warnings.add(field + ": " + name + " names no built-in tool of Redux; ignored");
                }
                names.stream().filter(n -> !mapped.contains(n)).forEach(mapped::add);
            }
            return mapped;
        }

        private Map<String, String> aliases() {
            JsonNode node = field("toolAliases");
            Map<String, String> aliases = new LinkedHashMap<>();
            if (node == null) {
                return aliases;
            }
            if (!node.isObject()) {
                warnings.add("toolAliases must be an object; ignored");
                return aliases;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String alias = entry.getValue().isTextual() ? entry.getValue().asText() : null;
                Optional<String> tool = BuiltInToolNames.mapExact(entry.getKey());
                if (tool.isEmpty()) {
                    warnings.add("toolAliases: " + entry.getKey() + " names no built-in tool of Redux; ignored");
                } else if (alias == null || !TOOL_NAME.matcher(alias).matches()) {
                    warnings.add("toolAliases." + entry.getKey() + ": the alias must be 1 to 64 letters, digits, _ "
                            + "or -; ignored");
                } else {
                    aliases.put(tool.get(), alias);
                }
            }
            return aliases;
        }

        private void toolsSettings(List<String> awsAllowed, List<String> awsDenied) {
            JsonNode node = field("toolsSettings");
            if (node == null) {
                return;
            }
            if (!node.isObject()) {
                warnings.add("toolsSettings must be an object; ignored");
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                Optional<String> tool = BuiltInToolNames.mapExact(entry.getKey());
                if (tool.isEmpty()) {
                    warnings.add("toolsSettings: " + entry.getKey() + " names no built-in tool of Redux; ignored");
                } else if (tool.get().equals("use_aws") && entry.getValue().isObject()) {
                    awsAllowed.addAll(strings(entry.getValue(), "toolsSettings." + entry.getKey(), "allowedServices"));
                    awsDenied.addAll(strings(entry.getValue(), "toolsSettings." + entry.getKey(), "deniedServices"));
                }
                // Other tools' settings (allowedPaths, allowedCommands...) are kept in the file and not applied.
            }
        }

        private List<String> resources() {
            List<String> resources = new ArrayList<>();
            for (String resource : strings("resources")) {
                if (!resource.startsWith("file://")) {
                    warnings.add("resources: " + resource + " does not start with file://; ignored");
                } else {
                    resources.add(resource.substring("file://".length()));
                }
            }
            return resources;
        }

        private List<Hook> hooks() {
            JsonNode node = field("hooks");
            List<Hook> hooks = new ArrayList<>();
            if (node == null) {
                return hooks;
            }
            if (!node.isObject()) {
                warnings.add("hooks must be an object; ignored");
                return hooks;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                Optional<HookTrigger> trigger = HookTrigger.fromFileName(entry.getKey());
                if (trigger.isEmpty()) {
                    warnings.add("hooks: " + entry.getKey() + " is not a hook trigger; ignored");
                    continue;
                }
                if (!entry.getValue().isArray()) {
                    warnings.add("hooks." + entry.getKey() + " must be an array; ignored");
                    continue;
                }
                int index = 0;
                for (JsonNode hook : entry.getValue()) {
                    String where = "hooks." + entry.getKey() + "[" + index++ + "]";
                    JsonNode command = hook.get("command");
                    if (!hook.isObject() || command == null || !command.isTextual() || command.asText().isBlank()) {
                        warnings.add(where + " has no command; ignored");
                        continue;
                    }
                    long timeout = number(hook, where, "timeout_ms", Hook.DEFAULT_TIMEOUT.toMillis());
                    long maxOutput = number(hook, where, "max_output_size", Hook.DEFAULT_MAX_OUTPUT_BYTES);
                    hooks.add(new Hook(trigger.get(), command.asText(), Duration.ofMillis(timeout),
                            (int) Math.min(maxOutput, Integer.MAX_VALUE), matcher(hook.get("matcher"), where)));
                }
            }
            return hooks;
        }

        /** A tool hook's matcher in Redux's names ({@code fs_write} is {@code file_write}); null for every tool. */
        private String matcher(JsonNode matcher, String where) {
            if (matcher == null || !matcher.isTextual()) {
                return null;
            }
            List<String> names = BuiltInToolNames.map(matcher.asText());
            if (names.isEmpty()) {
                warnings.add(where + ".matcher: " + matcher.asText() + " names no built-in tool of Redux");
                return matcher.asText();
            }
            // A glob over the original's names keeps its own text when it stands for several of Redux's.
            return names.size() == 1 ? names.get(0) : matcher.asText();
        }

        private long number(JsonNode hook, String where, String name, long fallback) {
            JsonNode value = hook.get(name);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.canConvertToLong() || value.asLong() <= 0 || !value.isIntegralNumber()) {
                warnings.add(where + "." + name + " must be a positive whole number; the default is used");
                return fallback;
            }
            return value.asLong();
        }

        private JsonNode field(String name) {
            JsonNode value = root.get(name);
            return value == null || value.isNull() ? null : value;
        }

        private String text(String name) {
            JsonNode value = field(name);
            if (value == null) {
                return null;
            }
            if (!value.isTextual()) {
                warnings.add(name + " must be a string; ignored");
                return null;
            }
            return value.asText();
        }

        private Boolean bool(String name) {
            JsonNode value = field(name);
            if (value == null) {
                return null;
            }
            if (!value.isBoolean()) {
                warnings.add(name + " must be true or false; ignored");
                return null;
            }
            return value.asBoolean();
        }

        private List<String> strings(String name) {
            return strings(root, "", name);
        }

        private List<String> strings(JsonNode parent, String where, String name) {
            JsonNode value = parent.get(name);
            String path = where.isEmpty() ? name : where + "." + name;
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (!value.isArray()) {
                warnings.add(path + " must be an array of strings; ignored");
                return List.of();
            }
            List<String> strings = new ArrayList<>();
            int index = 0;
            for (JsonNode element : value) {
                if (element.isTextual()) {
                    strings.add(element.asText());
                } else {
                    warnings.add(path + "[" + index + "] is not a string; ignored");
                }
                index++;
            }
            return strings;
        }
    }
}
