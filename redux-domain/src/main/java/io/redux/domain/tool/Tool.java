package io.redux.domain.tool;

import io.redux.domain.json.JsonValue;
import io.redux.domain.port.ToolSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Something the model may ask to run: its name, description and input schema ({@link #spec}), how far it is trusted
 * by default, and how it runs. Implementations never throw for bad arguments: they return an error.
 */
public interface Tool {

    ToolSpec spec();

    default String name() {
        return spec().name();
    }

    /**
     * The names a user may trust this tool by, most specific first: its name, by default; a tool from a server
     * answers to its server's names instead (such as {@code @server/tool}, then {@code @server}).
     */
    default List<String> trustNames() {
        return List.of(name());
    }

    /** How far this tool is trusted before the user says anything: asked about, unless it declares otherwise. */
    default DefaultTrust defaultTrust() {
        return DefaultTrust.ASK;
    }

    /**
     * Runs the tool. An interrupted caller gets an error output soon, with the thread's interrupt flag kept set.
     */
    ToolOutput run(JsonValue.JsonObject arguments);

    /**
     * For a tool {@link DefaultTrust#JUDGED_BY_ITS_ARGUMENTS}: whether this call may run without asking, judged on its
     * arguments alone (nothing is touched to decide). The default: no.
     */
    default boolean runsWithoutAsking(JsonValue.JsonObject arguments) {
        return false;
    }

    /**
     * Runs the tool only if all it touches lies inside {@code folder}, judged on what it actually opens, so that a
     * path checked first and used afterwards can never differ; empty, having touched nothing, when it would reach
     * outside. A tool that cannot promise this keeps the default: empty, so it is asked about.
     */
    default Optional<ToolOutput> runInside(Path folder, JsonValue.JsonObject arguments) {
        return Optional.empty();
    }
}
