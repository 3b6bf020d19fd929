package io.redux.testkit.stub;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EchoModelTest {

    @Test
    void echoesTheTextBlocksOfTheLastUserTurnOnSeparateLines() {
        Map<String, Object> converse = Map.of("messages", List.of(
                Map.of("role", "user", "content", List.of(Map.of("text", "turn one"))),
                Map.of("role", "assistant", "content", List.of(Map.of("text", "an answer"))),
                Map.of("role", "user", "content", List.of(Map.of("text", "turn five"),
                        Map.of("toolResult", Map.of()), Map.of("text", "toolinvocation")))));

        assertThat(EchoModel.lastUserText(converse)).isEqualTo("turn five\ntoolinvocation");
    }

    @Test
    void echoesTheStringContentOfTheOpenAiChatApi() {
        Map<String, Object> openAi = Map.of("messages", List.of(Map.of("role", "user", "content", "hello")));

        assertThat(EchoModel.lastUserText(openAi)).isEqualTo("hello");
    }
}
