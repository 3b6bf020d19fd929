package io.redux.testkit.stub;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MiniJsonTest {

    @Test
    void parsesNestedValues() {
        Object value = MiniJson.parse("{\"a\":[1,2.5,\"x\\n\\u0041\"],\"b\":{\"c\":true,\"d\":null}}");

        assertThat(value).isEqualTo(Map.of("a", List.of(new BigDecimal("1"), new BigDecimal("2.5"), "x\nA"),
                "b", new java.util.HashMap<>(java.util.Collections.singletonMap("c", true)) {{ put("d", null); }}));
    }

    @Test
    void quotingRoundTripsThroughParsing() {
        String text = "say \"hi\"\\\n\tnow\u0001";
        assertThat(MiniJson.parse(MiniJson.quote(text))).isEqualTo(text);
    }
}
