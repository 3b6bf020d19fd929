package io.redux.domain.tool;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutputLimitTest {

    @Test
    void outputWithinTheLimitIsWhole() {
        assertThat(OutputLimit.cut("abc", 3)).isEqualTo("abc");
    }

    @Test
    void longerOutputIsCutWithANoteOfWhatWasLeftOut() {
        assertThat(OutputLimit.cut("abcdef", 4)).isEqualTo("abcd\n[2 more bytes not shown: output limit of 4 bytes]");
    }

    @Test
    void aCutNeverSplitsACharacter() {
        // "é" is two bytes in UTF-8: a limit falling between them keeps neither.
        assertThat(OutputLimit.cut("aé", 2)).startsWith("a\n[2 more bytes");
    }
}
