package io.redux.tools;

import io.redux.domain.json.JsonValue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds tool arguments in tests: {@code Args.of("path", "a.txt", "start_line", 2)}. */
final class Args {

    private Args() {
    }

    static JsonValue.JsonObject of(Object... namesAndValues) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            members.put((String) namesAndValues[i], value instanceof Integer n
                    ? new JsonValue.JsonNumber(BigDecimal.valueOf(n))
                    : value instanceof JsonValue json ? json : JsonValue.of((String) value));
        }
        return new JsonValue.JsonObject(members);
    }
}
