package io.redux.aws;

import io.redux.domain.json.JsonValue;

/**
 * Reads a tool call's streamed input: JSON text, with limits a real call never reaches, so that a broken or hostile
 * answer cannot exhaust memory or the stack of whatever walks the input later (storage, tools, the next request).
 */
final class ToolInputs {

    /** Far more than any model writes in one answer (a file of a million characters). */
    static final int MAX_CHARS = 1_000_000;
    /** Real inputs nest a few levels; a deep one is a broken answer, and each level costs stack when walked. */
    static final int MAX_DEPTH = 64;

    private ToolInputs() {
    }

    /**
     * The input as JSON; blank text is an empty object, as models send for no arguments.
     *
     * @throws IllegalArgumentException saying why the text is not a usable input
     */
    static JsonValue parse(String json) {
        if (json.length() > MAX_CHARS) {
            throw new IllegalArgumentException("longer than " + MAX_CHARS + " characters");
        }
        if (depth(json) > MAX_DEPTH) {
            throw new IllegalArgumentException("nested more than " + MAX_DEPTH + " levels deep");
        }
        try {
            return Documents.parse(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not valid JSON (" + parserComplaint(e) + ")", e);
        }
    }

    /** The parser's own words, without its class name or its quote of the input (which may be long). */
    private static String parserComplaint(Throwable error) {
        return AwsErrorTranslator.rootMessage(error).lines().findFirst().orElse("").strip();
    }

    /** The deepest nesting of objects and arrays, outside strings; a scan, so any depth is measured safely. */
    private static int depth(String json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return deepest;
    }
}
