package io.redux.domain.tool;

import io.redux.domain.json.JsonValue;
import io.redux.domain.port.ToolSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An agent offers the model some tools, some under other names. */
class ToolRegistryOfferTest {

    private final ToolRegistry registry = new ToolRegistry(List.of(tool("a"), tool("b")));

    @Test
    void aToolNotOfferedIsNeitherShownNorRun() {
        registry.offer(new ToolRegistry.Offer(tool -> tool.name().equals("a"), Tool::name));

        assertThat(registry.specs()).extracting(ToolSpec::name).containsExactly("a");
        assertThat(registry.find("b")).isEmpty();
        assertThat(registry.run("b", JsonValue.emptyObject()).content()).contains("There is no tool named \"b\"");
    }

    @Test
    void anAliasedToolIsShownAndRunByItsAlias() {
        registry.offer(new ToolRegistry.Offer(tool -> true, tool -> tool.name().equals("a") ? "alpha" : tool.name()));

        assertThat(registry.specs()).extracting(ToolSpec::name).containsExactly("alpha", "b");
        assertThat(registry.run("alpha", JsonValue.emptyObject()).content()).isEqualTo("a ran");
        assertThat(registry.find("a")).isEmpty();
    }

    @Test
    void toolsJoiningLaterFollowTheOffer() {
        registry.offer(new ToolRegistry.Offer(tool -> !tool.name().equals("c"), Tool::name));

        registry.add(List.of(tool("c"), tool("d")));

        assertThat(registry.specs()).extracting(ToolSpec::name).containsExactly("a", "b", "d");
    }

    @Test
    void aPatternThatNamesAToolIsKnown() {
        registry.requireKnown(java.util.List.of("*", "@builtin", "?"), "--trust-tools");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> registry.requireKnown(List.of("z*"), "--trust-tools"))
                .hasMessageContaining("Unknown tool \"z*\"");
    }

    private static Tool tool(String name) {
        return new Tool() {
            @Override
            public ToolSpec spec() {
                return new ToolSpec(name, "test", JsonValue.emptyObject());
            }

            @Override
            public ToolOutput run(JsonValue.JsonObject arguments) {
                return ToolOutput.success(name + " ran");
            }
        };
    }
}
