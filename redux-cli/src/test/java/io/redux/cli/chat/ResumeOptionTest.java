package io.redux.cli.chat;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResumeOptionTest {

    @Test
    void aConversationIdIsTheOptionsValue() {
        assertThat(ResumeOption.isPromptWord("550e8400-e29b-41d4-a716-446655440000")).isFalse();
        assertThat(ResumeOption.isPromptWord(ResumeOption.LATEST)).isFalse();
        assertThat(ResumeOption.isPromptWord(null)).isFalse();
    }

    @Test
    void anyOtherWordBelongsToThePrompt() {
        assertThat(ResumeOption.isPromptWord("what")).isTrue();
        assertThat(ResumeOption.withFirstWord("what", List.of("next?"))).containsExactly("what", "next?");
    }
}
