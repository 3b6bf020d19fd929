package io.redux.testkit.stub;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StubScriptTest {

    @Test
    void readsTextToolErrorAndDelayLinesInOrder() {
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
    void namesTheLineOfAnUnknownKeyword() {
        assertThatThrownBy(() -> StubScript.parse(List.of("text hi", "shout hi")))
                .hasMessageContaining("line 2").hasMessageContaining("shout");
    }

    @Test
    void rejectsAToolLineWhoseInputIsNotJson() {
        assertThatThrownBy(() -> StubScript.parse(List.of("tool t {oops"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anErrorLineWithACountAnswersThatManyRequests() {
        List<StubReply> replies = StubScript.parse(List.of("error ThrottlingException x4", "text after"));

        assertThat(replies).hasSize(5);
        assertThat(replies.subList(0, 4)).allSatisfy(reply -> assertThat(reply.error()).isEqualTo(StubError.THROTTLING));
        assertThat(replies.get(4).text()).isEqualTo("after");
    }

    @Test
    void faultLinesChangeTheNextReplyOnly() {
        List<StubReply> replies = StubScript.parse(List.of(
                "cut 2", "text a|b", "stall 1", "text c", "garbage 0", "text d",
                "stream-error modelStreamErrorException 3", "text e", "text whole"));

        assertThat(replies).extracting(StubReply::fault).containsExactly(new StubReply.Cut(),
                new StubReply.Stall(StubReply.Stall.FOREVER), new StubReply.Garbage(),
                new StubReply.StreamException(StubError.MODEL_STREAM_ERROR), null);
        assertThat(replies).extracting(StubReply::faultAfter).containsExactly(2, 1, 0, 3, -1);
    }

    @Test
    void aToolInvalidLineSendsItsInputAsItIs() {
        StubReply reply = StubScript.parse(List.of("tool-invalid get_weather {\"city\":")).get(0);

        assertThat(((StubReply.ToolUse) reply.blocks().get(0)).inputJson()).isEqualTo("{\"city\":");
        assertThat(reply.blocks().get(0)).extracting("name").isEqualTo("get_weather");
    }

    @Test
    void aStreamErrorMustNameAnExceptionBedrockSendsInAStream() {
        assertThatThrownBy(() -> StubScript.parse(List.of("stream-error AccessDeniedException 1")))
                .hasMessageContaining("line 1").hasMessageContaining("throttlingException");
    }
}
