package io.redux.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redux.domain.json.JsonValue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Between the domain's JSON values and the plain maps and lists the SDK carries. */
final class JsonValues {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonValues() {
    }

    static JsonValue.JsonObject toObject(Map<String, Object> map) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((key, value) -> members.put(key, toValue(value)));
        }
        return new JsonValue.JsonObject(members);
    }

    @SuppressWarnings("unchecked")
    private static JsonValue toValue(Object value) {
        if (value == null) {
            return JsonValue.JsonNull.INSTANCE;
        }
        if (value instanceof Map<?, ?> map) {
            return toObject((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return new JsonValue.JsonArray(list.stream().map(JsonValues::toValue).toList());
        }
        if (value instanceof Boolean bool) {
            return new JsonValue.JsonBoolean(bool);
        }
        if (value instanceof Number number) {
            return new JsonValue.JsonNumber(new BigDecimal(number.toString()));
        }
        return JsonValue.of(value.toString());
    }

    static Map<String, Object> toMap(JsonValue.JsonObject object) {
        try {
            return MAPPER.readValue(object.toJson(), new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The domain wrote JSON Jackson cannot read", e);
        }
    }

    static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
