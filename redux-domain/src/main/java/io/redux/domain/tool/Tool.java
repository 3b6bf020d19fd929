package io.redux.domain.tool;

import io.redux.domain.json.JsonValue;
import io.redux.domain.port.ToolSpec;

/** Something the model may ask to run. Implementations never throw for bad arguments: they return an error. */
public interface Tool {

    ToolSpec spec();

    default String name() {
        return spec().name();
    }

    /**
     * Runs the tool. An interrupted caller gets an error output soon, with the thread's interrupt flag kept set.
     */
    ToolOutput run(JsonValue.JsonObject arguments);
}
