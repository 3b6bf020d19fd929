package io.redux.cli.chat;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownStreamTest {

    private final StringWriter written = new StringWriter();

    private String stream(boolean colour, String... deltas) {
        MarkdownStream stream = new MarkdownStream(new PrintWriter(written), colour);
        for (String delta : deltas) {
            stream.write(delta);
        }
        stream.finish();
        return written.toString();
    }

    @Test
    void withoutColourTheTextPassesThroughUnchangedAndEndsOnANewLine() {
        assertThat(stream(false, "Here:\n``", "`java\nint x = 1;\n`", "``\nDone", "."))
                .isEqualTo("Here:\n```java\nint x = 1;\n```\nDone.\n");
    }

    @Test
    void withColourTheCodeIsColouredAndTheFencesDimmedEvenWhenDeltasSplitAFence() {
        String out = stream(true, "Here:\n`", "``py\nprint(1)\n``", "`\nafter");

        assertThat(out).isEqualTo("Here:\n\u001b[0m\u001b[2m```py\n\u001b[0m\u001b[36mprint(1)\n"
                + "\u001b[0m\u001b[2m```\n\u001b[0mafter\n");
    }

    @Test
    void backticksThatAreNotAFenceAreShownAsTheyAre() {
        assertThat(stream(true, "`code` and ``x``\n`", "`\n")).isEqualTo("`code` and ``x``\n``\n");
    }

    @Test
    void anUnclosedCodeBlockIsResetAtTheEnd() {
        assertThat(stream(true, "```\nx")).endsWith("x\u001b[0m\n");
    }

    @Test
    void controlCharactersInTheAnswerAreShownEvenWhenASequenceIsSplitAcrossDeltas() {
        assertThat(stream(false, "a \u001b]0;", "t\u0007 b\r", "\nc\r", "d"))
                .isEqualTo("a ^[]0;t^G b\nc^Md\n");
    }

    @Test
    void withColourOnlyTheStreamsOwnStylesReachTheTerminal() {
        assertThat(stream(true, "```\n\u001b[8mhidden\n```\n"))
                .isEqualTo("\u001b[0m\u001b[2m```\n\u001b[0m\u001b[36m^[[8mhidden\n\u001b[0m\u001b[2m```\n\u001b[0m");
    }
}
