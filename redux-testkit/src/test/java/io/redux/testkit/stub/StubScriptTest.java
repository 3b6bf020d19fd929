package io.redux.testkit.stub;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StubScriptTest {

    @Test
    void reads_text_tool_error_and_delay_lines_in_order() {
        List<StubReply> replies = StubScript.parse(List.of(
                "# greeting", "", "text Hello|, world", "delay 250", "tool get_weather {\"city\":\"Paris\"}",
                "error ThrottlingException"));

        assertThat(replies).hasSize(3);
        assertThat(replies.get(0).text()).isEqualTo("Hello, world");
        assertThat(((StubReply.Text) replies.get(0).blocks().get(0)).chunks()).containsExactly("Hello", ", world");
        StubReply.ToolUse tool = (StubReply.ToolUse) replies.get(1).blocks().get(0);
        assertThat(tool.name()).isEqualTo("get_weather");
        assertThat(tool.inputJson()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(tool.inputChunks()).hasSize(2);
        assertThat(replies.get(1).firstByteDelayMillis()).isEqualTo(250);
        assertThat(replies.get(2).error()).isEqualTo(StubError.THROTTLING);
    }

    @Test
    void names_the_line_of_an_unknown_keyword() {
        assertThatThrownBy(() -> StubScript.parse(List.of("text hi", "shout hi")))
                .hasMessageContaining("line 2").hasMessageContaining("shout");
    }

    @Test
    void rejects_a_tool_line_whose_input_is_not_json() {
        assertThatThrownBy(() -> StubScript.parse(List.of("tool t {oops"))).isInstanceOf(IllegalArgumentException.class);
    }
}
