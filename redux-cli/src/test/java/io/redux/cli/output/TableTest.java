package io.redux.cli.output;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TableTest {

    @Test
    void alignsEveryColumnButTheLastToItsWidestCell() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);

        new Table("ID", "TITLE").row("1", "short").row("12345", "long title").print(out);

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(System.lineSeparator(),
                "ID     TITLE", "1      short", "12345  long title", ""));
    }

    @Test
    void noLineEndsInBlanksNeitherPaddingNorTheLastCellsOwn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);

        new Table("ID", "MODEL", "TITLE").row("1", "m", "").row("12", "", "").row("3", "model", "title \t ")
                .row("4", "m", "ti…tle").print(out);

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(System.lineSeparator(),
                "ID  MODEL  TITLE", "1   m", "12", "3   model  title", "4   m      ti…tle", ""));
    }

    @Test
    void aTableOfManyRowsReachesTheOutputInOneWriteNotOneALine() {
        // The CLI's stdout flushes on every println (a chat streams through it); a listing of 10,000 conversations
        // must not make 10,000 system calls.
        CountingStream stream = new CountingStream();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
        Table table = new Table("ID", "TITLE");
        for (int i = 0; i < 1_000; i++) {
            table.row(Integer.toString(i), "conversation " + i);
        }

        table.print(out);

        assertThat(stream.flushes).isEqualTo(1);
        assertThat(stream.bytes.toString(StandardCharsets.UTF_8).lines()).hasSize(1_001);
    }

    private static final class CountingStream extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int flushes;

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public void flush() {
            flushes++;
        }
    }
}
