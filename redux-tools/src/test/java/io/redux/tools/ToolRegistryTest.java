package io.redux.tools;

import io.redux.domain.error.InvalidInputException;
import io.redux.domain.json.JsonValue;
import io.redux.domain.port.ToolSpec;
import io.redux.domain.tool.Tool;
import io.redux.domain.tool.ToolOutput;
import io.redux.domain.tool.ToolRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToolRegistryTest {

    @TempDir
    Path dir;

    @Test
    void offersTheFourBuiltInToolsWithTheirSchemas() {
        ToolRegistry registry = BuiltInTools.registry(dir);

        assertThat(registry.specs()).extracting(ToolSpec::name).containsExactly("file_read", "file_write", "execute_bash",
                "use_aws");
        assertThat(registry.specs()).allSatisfy(spec -> {
            assertThat(spec.description()).isNotBlank();
            assertThat(spec.inputSchema().getString("type")).isEqualTo("object");
        });
    }

    @Test
    void anUnknownToolIsAnErrorForTheModel() {
        ToolOutput output = BuiltInTools.registry(dir).run("rm_rf", JsonValue.emptyObject());

        assertThat(output.error()).isTrue();
        assertThat(output.content()).contains("no tool named \"rm_rf\"").contains("file_read");
    }

    @Test
    void argumentsThatAreNotAnObjectAreAnErrorForTheModel() {
        ToolOutput output = BuiltInTools.registry(dir).run("file_read", JsonValue.of("a.txt"));

        assertThat(output).isEqualTo(ToolOutput.error("file_read: the arguments must be a JSON object, not \"a.txt\"."));
    }

    @Test
    void aToolThatThrowsBecomesAnErrorForTheModel() {
        Tool broken = new Tool() {
            @Override
            public ToolSpec spec() {
                return new ToolSpec("broken", "breaks", JsonValue.emptyObject());
            }

            @Override
            public ToolOutput run(JsonValue.JsonObject arguments) {
                throw new IllegalStateException("boom");
            }
        };

        ToolOutput output = new ToolRegistry(List.of(broken)).run("broken", JsonValue.emptyObject());

        assertThat(output).isEqualTo(ToolOutput.error("broken failed: java.lang.IllegalStateException: boom"));
    }

    @Test
    void unknownNamesInAnOptionAreAUsageError() {
        assertThatThrownBy(() -> BuiltInTools.registry(dir).requireKnown(List.of("file_read", "fs_read"), "--trust-tools"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Unknown tool \"fs_read\" in --trust-tools; the tools are file_read, file_write, execute_bash, use_aws.");
    }
}
