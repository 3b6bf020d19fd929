package io.redux.storage.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter.Indenter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;

/** The one Jackson configuration every reader and writer of conversation files shares. */
final class JsonSupport {

    /**
     * Exact decimals (a tool argument of 1.50 stays 1.50), duplicate keys rejected by the tokenizer itself, for a
     * tree and a stream alike (a rewrite would silently drop one), and no 20 MB cap on a string: a tool result can
     * hold a large file.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build());
    }

    /** Two-space indentation, one member per line, {@code "name": value}, Unix line ends on every platform. */
    static final ObjectWriter PRETTY_WRITER = MAPPER.writer(prettyPrinter());

    /** Does nothing but make sure this class, its mapper and its writer are initialized. */
    static void prepare() {
    }

    private JsonSupport() {
    }

    /**
     * Why a document starting with {@code start} cannot be UTF-8 JSON, or null. Jackson would recognise UTF-16 and
     * UTF-32 (by a byte order mark, or by NUL bytes among the first four, which UTF-8 JSON never has) and decode
     * them, and a rewrite would then silently turn the file into UTF-8: conversation files are UTF-8 only. Within
     * UTF-8, Jackson's byte parser rejects every invalid sequence itself, read or skipped.
     */
    static String encodingProblem(byte[] start, int length) {
        if (length >= 4 && (start[0] == 0 && start[1] == 0 && start[2] == (byte) 0xFE && start[3] == (byte) 0xFF
                || start[0] == (byte) 0xFF && start[1] == (byte) 0xFE && start[2] == 0 && start[3] == 0)) {
            return "it is UTF-32 text (it starts with a byte order mark), not UTF-8; save it as UTF-8";
        }
        if (length >= 2 && (start[0] == (byte) 0xFE && start[1] == (byte) 0xFF
                || start[0] == (byte) 0xFF && start[1] == (byte) 0xFE)) {
            return "it is UTF-16 text (it starts with a byte order mark), not UTF-8; save it as UTF-8";
        }
        for (int i = 0; i < Math.min(4, length); i++) {
            if (start[i] == 0) {
                return "it is not UTF-8 text (it has NUL bytes, as UTF-16 or UTF-32 text does); save it as UTF-8";
            }
        }
        return null;
    }

    /** The printer of {@link #PRETTY_WRITER}, for code that drives a generator itself. */
    static DefaultPrettyPrinter prettyPrinter() {
        return prettyPrinter(0);
    }

    /**
     * That printer for a value written on its own that will sit {@code depth} levels deep in a document, so its lines
     * get the document's indentation there.
     */
    static DefaultPrettyPrinter prettyPrinter(int depth) {
        Indenter lines = new DefaultIndenter("  ", "\n");
        Indenter indenter = depth == 0 ? lines : new Deeper(lines, depth);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    /** Indents every line {@code depth} levels deeper than {@code indenter} would. */
    private record Deeper(Indenter indenter, int depth) implements Indenter {
        @Override
        public void writeIndentation(JsonGenerator generator, int level) throws IOException {
            indenter.writeIndentation(generator, level + depth);
        }

        @Override
        public boolean isInline() {
            return indenter.isInline();
        }
    }
}
