package io.redux.tools;

import io.redux.domain.json.JsonValue;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Reads a tool's JSON arguments, failing with a message that names the tool, the argument and what it needs. */
final class ToolArguments {

    private final String tool;
    private final JsonValue.JsonObject arguments;

    ToolArguments(String tool, JsonValue.JsonObject arguments) {
        this.tool = tool;
        this.arguments = arguments == null ? JsonValue.emptyObject() : arguments;
    }

    String requiredString(String name) {
        String value = optionalString(name);
        if (value == null) {
            throw bad(name, "is required");
        }
        return value;
    }

    String optionalString(String name) {
        JsonValue value = arguments.get(name);
        if (value == null || value == JsonValue.JsonNull.INSTANCE) {
            return null;
        }
        if (value instanceof JsonValue.JsonString string) {
            return string.value();
        }
        throw bad(name, "must be a string, not " + value.toJson());
    }

    /** A whole number of at least 1, or null when absent. */
    Integer optionalPositiveInt(String name) {
        JsonValue value = arguments.get(name);
        if (value == null || value == JsonValue.JsonNull.INSTANCE) {
            return null;
        }
        if (value instanceof JsonValue.JsonNumber number) {
            BigDecimal n = number.value();
            if (n.signum() > 0 && n.stripTrailingZeros().scale() <= 0 && n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                return n.intValueExact();
            }
        }
        throw bad(name, "must be a whole number of at least 1, not " + value.toJson());
    }

    /** The path argument resolved against {@code workingDirectory}. */
    Path path(String name, Path workingDirectory) {
        String text = requiredString(name);
        if (text.isBlank()) {
            throw bad(name, "must not be empty");
        }
        try {
            return workingDirectory.resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw bad(name, "is not a valid path: " + e.getReason());
        }
    }

    ToolArgumentException bad(String name, String problem) {
        return new ToolArgumentException(tool + ": argument '" + name + "' " + problem + ".");
    }

    ToolArgumentException problem(String message) {
        return new ToolArgumentException(tool + ": " + message);
    }
}
