package io.redux.storage.migration;

import com.fasterxml.jackson.databind.JsonNode;
import io.redux.domain.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Jackson trees to the domain's JSON values. */
final class JsonTrees {

    private JsonTrees() {
    }

    static JsonValue toJsonValue(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return JsonValue.JsonNull.INSTANCE;
        }
        if (node.isObject()) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            node.properties().forEach(field -> members.put(field.getKey(), toJsonValue(field.getValue())));
            return new JsonValue.JsonObject(members);
        }
        if (node.isArray()) {
            List<JsonValue> elements = new ArrayList<>(node.size());
            node.forEach(element -> elements.add(toJsonValue(element)));
            return new JsonValue.JsonArray(elements);
        }
        if (node.isNumber()) {
            return new JsonValue.JsonNumber(node.decimalValue());
        }
        if (node.isBoolean()) {
            return new JsonValue.JsonBoolean(node.booleanValue());
        }
        return new JsonValue.JsonString(node.asText());
    }
}
