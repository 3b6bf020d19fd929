package io.redux.cli.chat;

import io.redux.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(ResumeOption.isPromptWord("what next?")).isTrue();
        assertThat(ResumeOption.isPromptWord("gpt-4o")).isTrue();
        assertThat(ResumeOption.isPromptWord("deadbeef")).isTrue();
        assertThat(ResumeOption.withFirstWord("what", List.of("next?"))).containsExactly("what", "next?");
    }

    @Test
    void aWordThatLooksLikeAMistypedIdIsRefused() {
        for (String typo : List.of("550e8400-e29b-41d4-a716-44665544000", "550e8400-e29b-41d4-a716-4466554400000",
                "550e8400e29b41d4a716446655440000", "550e8400", "550e8400-e29b-41d4-a716-44665544000g",
                "550E8400-E29B-41D4-A716-44665544000")) {
            assertThatThrownBy(() -> ResumeOption.isPromptWord(typo)).as(typo)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("not a conversation id").hasMessageContaining("--resume --");
        }
    }
}
