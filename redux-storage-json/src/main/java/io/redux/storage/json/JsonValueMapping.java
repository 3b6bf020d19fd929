package io.redux.storage.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redux.domain.json.JsonValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts the domain's {@link JsonValue} to and from Jackson trees, losing nothing (numbers stay exact). */
final class JsonValueMapping {

    private static final JsonNodeFactory NODES = JsonSupport.MAPPER.getNodeFactory();

    private JsonValueMapping() {
    }

    static JsonValue toValue(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                members.put(member.getKey(), toValue(member.getValue()));
            }
            return new JsonValue.JsonObject(members);
        }
        if (node.isArray()) {
            List<JsonValue> elements = new ArrayList<>(node.size());
            node.forEach(element -> elements.add(toValue(element)));
            return new JsonValue.JsonArray(elements);
        }
        if (node.isTextual()) {
            return new JsonValue.JsonString(node.textValue());
        }
        if (node.isNumber()) {
            return new JsonValue.JsonNumber(node.isIntegralNumber()
                    ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue());
        }
        if (node.isBoolean()) {
            return new JsonValue.JsonBoolean(node.booleanValue());
        }
        return JsonValue.JsonNull.INSTANCE;
    }

    static JsonNode toNode(JsonValue value) {
        if (value instanceof JsonValue.JsonObject object) {
            ObjectNode node = NODES.objectNode();
            object.members().forEach((name, member) -> node.set(name, toNode(member)));
            return node;
        }
        if (value instanceof JsonValue.JsonArray array) {
            ArrayNode node = NODES.arrayNode(array.elements().size());
            array.elements().forEach(element -> node.add(toNode(element)));
            return node;
        }
        if (value instanceof JsonValue.JsonString string) {
            return NODES.textNode(string.value());
        }
        if (value instanceof JsonValue.JsonNumber number) {
            BigDecimal decimal = number.value();
            return decimal.scale() <= 0 ? NODES.numberNode(decimal.toBigIntegerExact()) : NODES.numberNode(decimal);
        }
        if (value instanceof JsonValue.JsonBoolean bool) {
            return NODES.booleanNode(bool.value());
        }
        return NODES.nullNode();
    }
}
