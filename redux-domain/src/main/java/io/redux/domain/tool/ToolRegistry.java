package io.redux.domain.tool;

import io.redux.domain.error.InvalidInputException;
import io.redux.domain.json.JsonValue;
import io.redux.domain.port.ToolSpec;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The tools a chat offers the model, by name. */
public final class ToolRegistry {

    private final Map<String, Tool> tools = new LinkedHashMap<>();

    public ToolRegistry(List<? extends Tool> tools) {
        for (Tool tool : tools) {
            if (this.tools.putIfAbsent(tool.name(), tool) != null) {
                throw new IllegalArgumentException("Two tools are named " + tool.name());
            }
        }
    }

    public static ToolRegistry none() {
        return new ToolRegistry(List.of());
    }

    public List<ToolSpec> specs() {
        return tools.values().stream().map(Tool::spec).toList();
    }

    public Set<String> names() {
        return Set.copyOf(tools.keySet());
    }

    public Optional<Tool> find(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    /**
     * Checks tool names a user gave, {@code where} saying where they were given (it is quoted in the message).
     *
     * @throws InvalidInputException naming the unknown
     */
    public void requireKnown(Collection<String> names, String where) {
        for (String name : names) {
            if (!tools.containsKey(name)) {
                throw new InvalidInputException("Unknown tool " + InvalidInputException.quote(name) + " in " + where
                        + "; the tools are " + String.join(", ", tools.keySet()) + ".");
            }
        }
    }

    /**
     * Runs the named tool only where it stays inside {@code folder} ({@link Tool#runInside}); empty when it would
     * reach outside, or cannot tell, so the caller asks first.
     */
    public Optional<ToolOutput> runInside(Path folder, String name, JsonValue arguments) {
        Tool tool = tools.get(name);
        if (tool == null || !(arguments instanceof JsonValue.JsonObject object)) {
            return Optional.empty();
        }
        try {
            return tool.runInside(folder, object);
        } catch (RuntimeException e) {
            return Optional.of(ToolOutput.error(name + " failed: " + e));
        }
    }

    /** Runs the named tool. Anything that goes wrong becomes an error output for the model, never an exception. */
    public ToolOutput run(String name, JsonValue arguments) {
        Tool tool = tools.get(name);
        if (tool == null) {
            return ToolOutput.error("There is no tool named \"" + name + "\". The tools are "
                    + String.join(", ", tools.keySet()) + ".");
        }
        if (!(arguments instanceof JsonValue.JsonObject object)) {
            return ToolOutput.error(name + ": the arguments must be a JSON object, not " + arguments.toJson() + ".");
        }
        try {
            return tool.run(object);
        } catch (RuntimeException e) {
            return ToolOutput.error(name + " failed: " + e);
        }
    }
}
