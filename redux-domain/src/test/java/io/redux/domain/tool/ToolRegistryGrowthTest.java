package io.redux.domain.tool;

import io.redux.domain.json.JsonValue;
import io.redux.domain.port.ToolSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server's tools join a session's registry when the server is ready. */
class ToolRegistryGrowthTest {

    @Test
    void toolsAddedLaterAreOfferedFromThenOn() {
        ToolRegistry registry = new ToolRegistry(List.of(tool("a")));
        List<ToolSpec> before = registry.specs();

        registry.add(List.of(tool("b")));

        assertThat(before).extracting(ToolSpec::name).containsExactly("a");
        assertThat(registry.specs()).extracting(ToolSpec::name).containsExactly("a", "b");
        assertThat(registry.run("b", JsonValue.emptyObject()).content()).isEqualTo("b ran");
    }

    @Test
    void aClashAddsNoneOfTheTools() {
        ToolRegistry registry = new ToolRegistry(List.of(tool("a")));

        assertThatThrownBy(() -> registry.add(List.of(tool("b"), tool("a"))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(registry.names()).containsExactly("a");
    }

    @Test
    void aServerToolNameIsAcceptedBeforeItsServerIsReady() {
        ToolRegistry registry = new ToolRegistry(List.of(tool("a")));

        registry.requireKnown(List.of("a", "@jira", "@jira/search"), "--trust-tools");
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
