package io.redux.domain.tool;

import io.redux.domain.error.InvalidInputException;
import io.redux.domain.json.JsonValue;
import io.redux.domain.port.ToolSpec;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The tools a chat offers the model, by name. The set can grow during a session (a server's tools join when it is
 * ready, {@link #add}) and is never smaller: every read sees one consistent set, the one current when it reads, so a
 * turn offers the model the tools there are when it starts. Thread-safe.
 */
public final class ToolRegistry {

    /** Replaced whole, never changed: a reader holds one set however the registry grows meanwhile. */
    private volatile Map<String, Tool> tools = Map.of();

    /** Which tools the model is offered, and by what name (an agent's {@code tools} and {@code toolAliases}). */
    private volatile Offer offer = Offer.ALL;

    /**
     * Which of the tools the model is offered, and the name it knows each by. The model calls a tool by that name;
     * a tool not offered cannot be called.
     */
    public record Offer(Predicate<Tool> offered, Function<Tool, String> nameForModel) {

        public static final Offer ALL = new Offer(tool -> true, Tool::name);
    }

    public ToolRegistry(List<? extends Tool> tools) {
        add(tools);
    }

    public static ToolRegistry none() {
        return new ToolRegistry(List.of());
    }

    /**
     * Adds tools to the set, all or none.
     *
     * @throws IllegalArgumentException when one is named as a tool already there, or as another added
     */
    public synchronized void add(List<? extends Tool> more) {
        Map<String, Tool> grown = new LinkedHashMap<>(tools);
        for (Tool tool : more) {
            if (grown.putIfAbsent(tool.name(), tool) != null) {
                throw new IllegalArgumentException("Two tools are named " + tool.name());
            }
        }
        tools = Collections.unmodifiableMap(grown);
    }

    /** Offers the model only some tools, or some by other names, from now on, the tools that join later included. */
    public void offer(Offer value) {
        this.offer = java.util.Objects.requireNonNull(value, "value");
    }

    /** The tools the model is offered, by the names it knows them by. */
    public List<ToolSpec> specs() {
        Offer current = offer;
        return tools.values().stream().filter(current.offered()).map(tool -> {
            String name = current.nameForModel().apply(tool);
            ToolSpec spec = tool.spec();
            return name.equals(spec.name()) ? spec : new ToolSpec(name, spec.description(), spec.inputSchema());
        }).toList();
    }

    /** The tools the model is offered, by the names it knows them by, in name order (what {@code /tools} shows). */
    public SortedMap<String, Tool> offered() {
        Offer current = offer;
        SortedMap<String, Tool> byName = new TreeMap<>();
        tools.values().stream().filter(current.offered())
                .forEach(tool -> byName.put(current.nameForModel().apply(tool), tool));
        return Collections.unmodifiableSortedMap(byName);
    }

    public Set<String> names() {
        return Set.copyOf(tools.keySet());
    }

    /** The tool the model knows as {@code name}, if it is offered. */
    public Optional<Tool> find(String name) {
        Offer current = offer;
        if (current == Offer.ALL) {
            return Optional.ofNullable(tools.get(name));
        }
        return tools.values().stream().filter(current.offered())
                .filter(tool -> current.nameForModel().apply(tool).equals(name)).findFirst();
    }

    /** The tools, in the order they joined. */
    public List<Tool> all() {
        return List.copyOf(tools.values());
    }

    /**
     * Checks tool names a user gave, {@code where} saying where they were given (it is quoted in the message). A name
     * of a server's tools ({@code @server}, {@code @server/tool}) passes: its server may not be ready yet; so does a
     * pattern with wildcards that names a tool ({@code file_*}).
     *
     * @throws InvalidInputException naming the unknown
     */
    public void requireKnown(Collection<String> names, String where) {
        Map<String, Tool> current = tools;
        for (String name : names) {
            TrustPattern pattern = new TrustPattern(name);
            if (!current.containsKey(name) && !pattern.namesServerTools()
                    && !(pattern.isGlob() && current.values().stream().anyMatch(pattern::matches))) {
                throw new InvalidInputException("Unknown tool " + InvalidInputException.quote(name) + " in " + where
                        + "; the tools are " + String.join(", ", current.keySet()) + ".");
            }
        }
    }

    /**
     * Runs the named tool only where it stays inside {@code folder} ({@link Tool#runInside}); empty when it would
     * reach outside, or cannot tell, so the caller asks first.
     */
    public Optional<ToolOutput> runInside(Path folder, String name, JsonValue arguments) {
        Tool tool = find(name).orElse(null);
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
        Tool tool = find(name).orElse(null);
        if (tool == null) {
            return ToolOutput.error("There is no tool named \"" + name + "\". The tools are "
                    + String.join(", ", specs().stream().map(ToolSpec::name).toList()) + ".");
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
