package io.redux.cli.chat;

import io.redux.domain.json.JsonValue;
import io.redux.domain.model.ToolCall;
import io.redux.domain.port.ToolApprover;
import io.redux.domain.port.ToolSpec;
import io.redux.domain.tool.Tool;
import io.redux.domain.tool.ToolOutput;
import io.redux.domain.tool.ToolRegistry;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OneShotToolApproverTest {

    @Test
    void aRefusedServerToolIsAllowedByTheOriginalCliName() {
        StringWriter err = new StringWriter();
        ToolRegistry tools = new ToolRegistry(List.of(new Tool() {
            @Override
            public ToolSpec spec() {
                return new ToolSpec("tickets___lookup", "Finds a ticket.", JsonValue.emptyObject());
            }

            @Override
            public List<String> trustNames() {
                return List.of("@tickets/lookup", "@tickets");
            }

            @Override
            public ToolOutput run(JsonValue.JsonObject arguments) {
                return ToolOutput.success("ran");
            }
        }));

        ToolApprover.Decision decision = new OneShotToolApprover(new PrintWriter(err), tools)
                .decide(new ToolCall("tooluse_1", Instant.EPOCH, "tickets___lookup", JsonValue.emptyObject()));

        assertThat(decision).isEqualTo(ToolApprover.Decision.DENY);
        assertThat(err.toString()).contains("refused to run tickets___lookup", "--trust-tools=@tickets/lookup");
    }
}
