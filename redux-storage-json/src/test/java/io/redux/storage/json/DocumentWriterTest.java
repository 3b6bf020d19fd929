package io.redux.storage.json;

import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The document writer must give exactly the bytes of the plain pretty writer, whatever it reuses. */
class DocumentWriterTest {

    @Test
    void writesWhatThePrettyWriterWrites() throws IOException {
        ObjectNode tree = richTree();

        assertThat(DocumentWriter.write(tree, List.of(), 0).content()).isEqualTo(pretty(tree));
    }

    @Test
    void aLaterWriteThatReusesTheUnchangedMessagesStillWritesWhatThePrettyWriterWrites() throws IOException {
        ObjectNode tree = richTree();
        DocumentWriter.Written first = DocumentWriter.write(tree, List.of(), 0);
        int before = tree.get("messages").size();

        ((ArrayNode) tree.get("messages")).addObject().put("id", "m-new").put("role", "user")
                .put("content", "ünïcödé \"quoted\"\nand a new line").put("timestamp", "2025-01-09T18:01:00Z");
        tree.put("updated_at", "2025-01-09T18:01:00Z");
        DocumentWriter.Written second = DocumentWriter.write(tree, first.messages(), before);

        assertThat(second.content()).isEqualTo(pretty(tree));
        assertThat(second.messages()).hasSize(before + 1);
        assertThat(second.messages().subList(0, before)).isEqualTo(first.messages());
    }

    @Test
    void reusesNoMoreThanItIsToldIsUnchanged() throws IOException {
        ObjectNode tree = richTree();
        DocumentWriter.Written first = DocumentWriter.write(tree, List.of(), 0);

        ((ObjectNode) tree.get("messages").get(0)).put("content", "edited");
        List<SerializedString> stale = first.messages();

        assertThat(DocumentWriter.write(tree, stale, 0).content()).isEqualTo(pretty(tree));
    }

    @Test
    void writesCharactersOutsideTheBasicPlaneAndLoneSurrogatesAsThePrettyWriterDoes() throws IOException {
        ObjectNode tree = richTree();
        ((ObjectNode) tree.get("messages").get(0)).put("content", "an emoji \uD83D\uDE00 and half of one \uD800");

        assertThat(DocumentWriter.write(tree, List.of(), 0).content()).isEqualTo(pretty(tree));
    }

    /** The format example, with what a real file can also hold: unknown fields, nesting, empty values, decimals. */
    private static ObjectNode richTree() throws IOException {
        ObjectNode tree = (ObjectNode) JsonSupport.MAPPER.readTree(TestFiles.formatExample());
        tree.put("future_field", "kept");
        tree.putObject("empty_object");
        tree.putArray("empty_array");
        ObjectNode call = (ObjectNode) tree.get("messages").get(2);
        call.putObject("arguments").put("path", "/src/main.rs").put("limit", new java.math.BigDecimal("1.50"))
                .putArray("lines").add(1).add(2);
        ((ObjectNode) tree.get("messages").get(1)).putObject("usage").put("input_tokens", 10).put("output_tokens", 5);
        ((ObjectNode) tree.get("messages").get(0)).putObject("x_unknown").putArray("deep").addObject();
        return tree;
    }

    private static byte[] pretty(ObjectNode tree) throws IOException {
        byte[] content = JsonSupport.PRETTY_WRITER.writeValueAsBytes(tree);
        byte[] withNewline = Arrays.copyOf(content, content.length + 1);
        withNewline[content.length] = '\n';
        return withNewline;
    }
}
