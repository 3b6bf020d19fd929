package io.redux.domain.model;

import io.redux.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConversationIdTest {

    @Test
    void acceptsACanonicalUuid() {
        assertThat(ConversationId.parse("550e8400-e29b-41d4-a716-446655440000").toString())
                .isEqualTo("550e8400-e29b-41d4-a716-446655440000");
    }

    @Test
    void printsUpperCaseInputInCanonicalLowerCase() {
        assertThat(ConversationId.parse("550E8400-E29B-41D4-A716-446655440000").toString())
                .isEqualTo("550e8400-e29b-41d4-a716-446655440000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "", " ", "1-1-1-1-1", "550e8400-e29b-41d4-a716-44665544000g",
            "550e8400-e29b-41d4-a716-446655440000/../x", "550e8400e29b41d4a716446655440000",
            // Digits of other scripts, a dash moved, one character too many or too few, a letter past f.
            "\u0665\u0665\u0660e8400-e29b-41d4-a716-446655440000", "550e840-0e29b-41d4-a716-446655440000",
            "550e8400-e29b-41d4-a716-4466554400000", "550e8400-e29b-41d4-a716-44665544000",
            "550e8400-e29b-41d4-a716-44665544000G", "550e8400-e29b-41d4-a716+446655440000"})
    void refusesAnythingButAUuid(String text) {
        assertThatThrownBy(() -> ConversationId.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Invalid conversation id")
                .hasMessageContaining("expected a UUID");
    }

    @Test
    void keepsTheMessageShortForAThousandCharacterId() {
        String huge = "a".repeat(1000);

        assertThatThrownBy(() -> ConversationId.parse(huge))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).doesNotContain("\n"));
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> ConversationId.parse(null)).isInstanceOf(InvalidInputException.class);
        assertThat(ConversationId.isValid(null)).isFalse();
    }

    @Test
    void idsOfTheSameUuidAreEqualWhateverTheCaseTheyWereWrittenIn() {
        ConversationId lower = ConversationId.parse("550e8400-e29b-41d4-a716-446655440000");
        ConversationId upper = ConversationId.parse("550E8400-E29B-41D4-A716-446655440000");

        assertThat(lower).isEqualTo(upper).hasSameHashCodeAs(upper)
                .isNotEqualTo(ConversationId.parse("550e8400-e29b-41d4-a716-446655440001"))
                .isNotEqualTo("550e8400-e29b-41d4-a716-446655440000");
    }
}
