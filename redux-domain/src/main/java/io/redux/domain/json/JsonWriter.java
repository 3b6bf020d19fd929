package io.redux.domain.json;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes compact JSON text. Reading JSON is left to the adapters' libraries. */
final class JsonWriter {

    private JsonWriter() {
    }

    static void write(JsonValue value, StringBuilder out) {
        if (value instanceof JsonValue.JsonObject object) {
            writeObject(object.members(), out);
        } else if (value instanceof JsonValue.JsonArray array) {
            writeArray(array.elements(), out);
        } else if (value instanceof JsonValue.JsonString string) {
            writeString(string.value(), out);
        } else if (value instanceof JsonValue.JsonNumber number) {
            out.append(number.value().toString());
        } else if (value instanceof JsonValue.JsonBoolean bool) {
            out.append(bool.value());
        } else {
            out.append("null");
        }
    }

    private static void writeObject(Map<String, JsonValue> members, StringBuilder out) {
        out.append('{');
        Iterator<Map.Entry<String, JsonValue>> it = members.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonValue> member = it.next();
            writeString(member.getKey(), out);
            out.append(':');
            write(member.getValue(), out);
            if (it.hasNext()) {
                out.append(',');
            }
        }
        out.append('}');
    }

    private static void writeArray(List<JsonValue> elements, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(elements.get(i), out);
        }
        out.append(']');
    }

    static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
