package io.redux.cli.chat;

import io.redux.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OneShotQuestionTest {

    /** A keyboard nobody types on: a test fails instead of hanging if it is read. */
    private static final InputStream KEYBOARD = new InputStream() {
        @Override
        public int read() {
            throw new AssertionError("stdin was read although it is a terminal");
        }
    };

    private static InputStream piped(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void thePromptComesFirstThenThePipedInputBetweenTags() {
        assertThat(OneShotQuestion.from(List.of("Review", "this"), piped("+ a line\n"), true))
                .isEqualTo("Review this\n\n<stdin>\n+ a line\n</stdin>");
    }

    @Test
    void anEmptyOrBlankPipeAddsNothing() {
        assertThat(OneShotQuestion.from(List.of("hello"), piped(""), true)).isEqualTo("hello");
        assertThat(OneShotQuestion.from(List.of("hello"), piped(" \n\n"), true)).isEqualTo("hello");
    }

    @Test
    void aTerminalIsNotReadWhenThereIsAPrompt() {
        assertThat(OneShotQuestion.from(List.of("hello"), KEYBOARD, false)).isEqualTo("hello");
    }

    @Test
    void withoutAPromptThePipedInputIsTheQuestion() {
        assertThat(OneShotQuestion.from(List.of(), piped("  What is in this pipe?\n"), true))
                .isEqualTo("What is in this pipe?");
        assertThatThrownBy(() -> OneShotQuestion.from(List.of(), piped(" \n"), true))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("No question");
    }

    @Test
    void inputOverTheLimitIsRefusedAndInputAtTheLimitIsTaken() {
        String atTheLimit = "x".repeat(OneShotQuestion.LIMIT_BYTES);

        assertThat(OneShotQuestion.from(List.of("Count"), piped(atTheLimit), true)).contains(atTheLimit);
        assertThatThrownBy(() -> OneShotQuestion.from(List.of("Count"), piped(atTheLimit + "y"), true))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("larger than 1 MiB");
    }
}
