package io.redux.cli.output;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalTextTest {

    @Test
    void plainTextNewlinesAndTabsPassThroughUnchanged() {
        String text = "Hello, wörld: `code` ^ 日本語 😀\n\tindented\n";

        assertThat(TerminalText.escape(text)).isSameAs(text);
    }

    @Test
    void escapeSequencesAreShownInsteadOfObeyed() {
        String title = "\u001b]0;owned\u0007";
        String clipboard = "\u001b]52;c;cm0gLXJmIH4=\u001b\\";
        String clear = "\u001b[2J\u001b[H";
        String hidden = "\u001b[8msecret\u001b[0m";

        assertThat(TerminalText.escape(title)).isEqualTo("^[]0;owned^G");
        assertThat(TerminalText.escape(clipboard)).isEqualTo("^[]52;c;cm0gLXJmIH4=^[\\");
        assertThat(TerminalText.escape(clear)).isEqualTo("^[[2J^[[H");
        assertThat(TerminalText.escape(hidden)).isEqualTo("^[[8msecret^[[0m");
    }

    @Test
    void everyOtherControlCharacterIsShownToo() {
        assertThat(TerminalText.escape("a\u0000b\u0008c\u007fd")).isEqualTo("a^@b^Hc^?d");
        assertThat(TerminalText.escape("over\rwritten")).isEqualTo("over^Mwritten");
        assertThat(TerminalText.escape("csi\u009b2J osc\u009d0;x\u009c")).isEqualTo("csi<U+009B>2J osc<U+009D>0;x<U+009C>");
        assertThat(TerminalText.escape("\u0080\u009f")).isEqualTo("<U+0080><U+009F>");
    }

    @Test
    void bidirectionalOverridesThatReorderTextAreShown() {
        assertThat(TerminalText.escape("access\u202e\u2066level\u2069\u202c"))
                .isEqualTo("access<U+202E><U+2066>level<U+2069><U+202C>");
        assertThat(TerminalText.escape("\u202a\u202b\u202d\u2067\u2068"))
                .isEqualTo("<U+202A><U+202B><U+202D><U+2067><U+2068>");
    }

    @Test
    void aWindowsLineEndIsALineEnd() {
        assertThat(TerminalText.escape("one\r\ntwo\r\n")).isEqualTo("one\ntwo\n");
        assertThat(TerminalText.escape("trailing\r")).isEqualTo("trailing^M");
    }

    @Test
    void streamedPiecesAreEscapedAsTheWholeWouldBe() {
        String whole = "a\u001b]0;t\u0007b\r\nc\rd\u202ee\r";
        for (int cut = 0; cut <= whole.length(); cut++) {
            for (int second = cut; second <= whole.length(); second++) {
                TerminalText.Stream stream = new TerminalText.Stream();
                String shown = stream.next(whole.substring(0, cut)) + stream.next(whole.substring(cut, second))
                        + stream.next(whole.substring(second)) + stream.finish();

                assertThat(shown).as("cut at %d and %d", cut, second).isEqualTo(TerminalText.escape(whole));
            }
        }
    }

    @Test
    void aStreamCanBeFinishedTwiceAndUsedAgain() {
        TerminalText.Stream stream = new TerminalText.Stream();

        assertThat(stream.next("x\r")).isEqualTo("x");
        assertThat(stream.finish()).isEqualTo("^M");
        assertThat(stream.finish()).isEmpty();
        assertThat(stream.next("\ny")).isEqualTo("\ny");
    }
}
