package io.redux.domain.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TitlesTest {

    @Test
    void everyRunOfWhitespaceBecomesOneSpace() {
        assertThat(Titles.shorten("a\u000Bb  c\td\fe\r f   g")).isEqualTo("a b c d e f g");
    }

    @Test
    void aTitleOfSingleSpacesIsKeptAsItIs() {
        assertThat(Titles.shorten("  why does the build fail ")).isEqualTo("why does the build fail");
    }

    @Test
    void onlyTheFirstLineCountsAndALongOneIsCut() {
        assertThat(Titles.shorten("first\tline\nsecond line")).isEqualTo("first line");
        assertThat(Titles.shorten("x".repeat(100))).isEqualTo("x".repeat(59) + "…");
    }
}
