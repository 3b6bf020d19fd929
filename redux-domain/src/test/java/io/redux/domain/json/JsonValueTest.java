package io.redux.domain.json;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonValueTest {

    @Test
    void writesCompactJsonInMemberOrder() {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        members.put("path", JsonValue.of("/tmp/a \"b\"\n"));
        members.put("lines", new JsonValue.JsonArray(List.of(new JsonValue.JsonNumber(BigDecimal.ONE), JsonValue.JsonNull.INSTANCE)));
        members.put("recursive", new JsonValue.JsonBoolean(true));

        assertThat(new JsonValue.JsonObject(members).toJson())
                .isEqualTo("{\"path\":\"/tmp/a \\\"b\\\"\\n\",\"lines\":[1,null],\"recursive\":true}");
    }

    @Test
    void escapesControlCharacters() {
        assertThat(JsonValue.of("\u0001\t").toJson()).isEqualTo("\"\\u0001\\t\"");
    }
}
