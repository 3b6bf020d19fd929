package io.redux.mcp;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redux.domain.workspace.WorkspaceFile;

import java.io.IOException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the MCP configuration files the original CLI reads, in its format: {@code {"mcpServers": {"name": {"command",
 * "args", "env", "timeout", "disabled"} | {"url", "headers", "timeout", "disabled"}}}}. Unknown fields are ignored; a
 * file that cannot be used, or a server in it, is a warning naming it and the place, never an exception, so a chat
 * starts whatever the files hold. {@code ${VAR}} in an {@code env} or {@code headers} value is replaced from the
 * environment (so secrets stay out of files); a variable that is not set skips its server with a warning.
 */
public final class McpConfigFiles {

    /**
     * The global file, under the user's home. A constant the compiler copies, so a caller can look for the file
     * without loading anything of MCP.
     */
    public static final String GLOBAL_FILE = ".aws/amazonq/mcp.json";

    /** The workspace file, under the working folder; a constant the compiler copies, as {@link #GLOBAL_FILE}. */
    public static final String WORKSPACE_FILE = ".amazonq/mcp.json";

    public static final Path GLOBAL = Path.of(GLOBAL_FILE);
    public static final Path WORKSPACE = Path.of(WORKSPACE_FILE);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private McpConfigFiles() {
    }

    /** A file to read, and where it stands: a later one wins a name clash. */
    public record Source(Path file, McpServerConfig.Scope scope) {
    }

    /** The sources in order of precedence, lowest first: global, workspace, then the file named on the command line. */
    public static List<Source> sources(Path home, Path workingFolder, Optional<Path> commandLineFile) {
        List<Source> sources = new ArrayList<>();
        sources.add(new Source(home.resolve(GLOBAL), McpServerConfig.Scope.GLOBAL));
        sources.add(new Source(workingFolder.resolve(WORKSPACE), McpServerConfig.Scope.WORKSPACE));
        commandLineFile.ifPresent(file -> sources.add(new Source(file, McpServerConfig.Scope.COMMAND_LINE)));
        return sources;
    }

    /** Whether any of the files exists: with none, there is nothing to read (and no MCP code to load). */
    public static boolean anyExists(List<Source> sources) {
        return sources.stream().anyMatch(source -> Files.exists(source.file()));
    }

    /** Reads every file that exists, merging their servers. */
    public static McpConfiguration load(List<Source> sources, Map<String, String> environment) {
        Map<String, McpServerConfig> servers = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (Source source : sources) {
            read(source, environment, warnings).forEach(server -> {
                servers.remove(server.name()); // the later file's server takes the name, and its place at the end
                servers.put(server.name(), server);
            });
        }
        return new McpConfiguration(List.copyOf(servers.values()), warnings);
    }

    private static List<McpServerConfig> read(Source source, Map<String, String> environment, List<String> warnings) {
        byte[] content;
        Path realPath;
        try {
            content = Files.readAllBytes(source.file());
            realPath = source.file().toRealPath();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            warnings.add("MCP configuration " + source.file() + " could not be read (" + e.getMessage()
                    + "); its servers are skipped");
            return List.of();
        }
        return parse(source, realPath, content, environment, warnings);
    }

    /**
     * The servers of one file's {@code content}, read already (so what is shown for approval is what is approved).
     *
     * @param realPath the file's real path, which names a workspace file's approval
     */
    public static McpConfiguration parse(Source source, Path realPath, byte[] content,
                                         Map<String, String> environment) {
        List<String> warnings = new ArrayList<>();
        List<McpServerConfig> servers = parse(source, realPath, content, environment, warnings);
        return new McpConfiguration(servers, warnings);
    }

    private static List<McpServerConfig> parse(Source source, Path realPath, byte[] content,
                                               Map<String, String> environment, List<String> warnings) {
        Optional<WorkspaceFile> workspaceFile = source.scope() == McpServerConfig.Scope.WORKSPACE
                ? Optional.of(WorkspaceFile.of(realPath, content)) : Optional.empty();
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            warnings.add("MCP configuration " + source.file() + " is not valid JSON"
                    + (at != null ? " at line " + at.getLineNr() + ", column " + at.getColumnNr() : "") + " ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + "); its servers are skipped");
            return List.of();
        } catch (IOException e) {
            warnings.add("MCP configuration " + source.file() + " could not be read (" + e.getMessage()
                    + "); its servers are skipped");
            return List.of();
        }
        JsonNode servers = root == null ? null : root.get("mcpServers");
        if (servers == null || servers.isNull()) {
            return List.of();
        }
        if (!servers.isObject()) {
            warnings.add("MCP configuration " + source.file() + ": mcpServers must be an object; its servers are "
                    + "skipped");
            return List.of();
        }
        List<McpServerConfig> read = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = servers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            try {
                read.add(server(entry.getKey(), entry.getValue(), source, workspaceFile, environment));
            } catch (Skipped e) {
                warnings.add("MCP server " + entry.getKey() + " in " + source.file() + ": " + e.getMessage()
                        + "; skipped");
            }
        }
        return read;
    }

    private static McpServerConfig server(String name, JsonNode node, Source source,
                                          Optional<WorkspaceFile> workspaceFile, Map<String, String> environment) {
        String path = "mcpServers." + name;
        if (!node.isObject()) {
            throw new Skipped(path + " must be an object");
        }
        McpServerConfig.Transport transport;
        String url = text(node, "url", path);
        String command = text(node, "command", path);
        if (!url.isEmpty()) {
            transport = new McpServerConfig.Http(url, expand(stringMap(node, "headers", path), name, path + ".headers",
                    environment));
        } else if (!command.isEmpty()) {
            transport = new McpServerConfig.Stdio(command, strings(node, "args", path),
                    expand(stringMap(node, "env", path), name, path + ".env", environment));
        } else {
            throw new Skipped("needs a \"command\" or a \"url\"");
        }
        JsonNode timeout = node.get("timeout");
        Optional<Duration> duration = Optional.empty();
        if (timeout != null && !timeout.isNull()) {
            if (!timeout.canConvertToLong() || timeout.asLong() <= 0) {
                throw new Skipped(path + ".timeout must be a positive number of milliseconds");
            }
            duration = Optional.of(Duration.ofMillis(timeout.asLong()));
        }
        JsonNode disabled = node.get("disabled");
        if (disabled != null && !disabled.isNull() && !disabled.isBoolean()) {
            throw new Skipped(path + ".disabled must be true or false");
        }
        return new McpServerConfig(name, source.scope(), source.file(), transport, duration,
                disabled != null && disabled.asBoolean(), workspaceFile);
    }

    private static String text(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new Skipped(path + "." + field + " must be a string");
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new Skipped(path + "." + field + " must be an array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw new Skipped(path + "." + field + "[" + i + "] must be a string");
            }
            strings.add(value.get(i).asText());
        }
        return strings;
    }

    private static Map<String, String> stringMap(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new Skipped(path + "." + field + " must be an object of strings");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isTextual()) {
                throw new Skipped(path + "." + field + "." + entry.getKey() + " must be a string");
            }
            map.put(entry.getKey(), entry.getValue().asText());
        }
        return map;
    }

    private static Map<String, String> expand(Map<String, String> values, String server, String path,
                                              Map<String, String> environment) {
        Map<String, String> expanded = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            Matcher matcher = VARIABLE.matcher(value);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String variable = environment.get(matcher.group(1));
                if (variable == null) {
                    throw new Skipped("${" + matcher.group(1) + "} in " + path + "." + key + " is not set in the "
                            + "environment");
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(variable));
            }
            matcher.appendTail(out);
            expanded.put(key, out.toString());
        });
        return expanded;
    }

    /** A server that cannot be used; the message says why, in the file's terms. */
    private static final class Skipped extends RuntimeException {
        Skipped(String message) {
            super(message, null, false, false);
        }
    }
}
