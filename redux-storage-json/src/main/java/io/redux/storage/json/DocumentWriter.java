package io.redux.storage.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a conversation's tree byte for byte as {@link JsonSupport#PRETTY_WRITER} would, but keeps each message's
 * text, so the next write of the same conversation copies the messages that did not change instead of serialising
 * them again: an append to a long conversation then costs one message, not all of them.
 */
final class DocumentWriter {

    /** Where message objects sit in the document: inside the top-level object and its "messages" array. */
    private static final int MESSAGE_DEPTH = 2;

    /** The document and the text of each of its messages, in order. */
    record Written(byte[] content, List<SerializedString> messages) {
    }

    private DocumentWriter() {
    }

    /**
     * @param previous  the messages' text from the previous write of this tree
     * @param unchanged how many leading message nodes are the same, unmodified, as in that write
     */
    static Written write(ObjectNode tree, List<SerializedString> previous, int unchanged) {
        int reused = Math.min(unchanged, previous.size());
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(64 * 1024);
             JsonGenerator generator = JsonSupport.MAPPER.getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
            generator.setPrettyPrinter(JsonSupport.prettyPrinter());
            List<SerializedString> messages = new ArrayList<>();
            generator.writeStartObject();
            for (Map.Entry<String, JsonNode> field : tree.properties()) {
                generator.writeFieldName(field.getKey());
                JsonNode value = field.getValue();
                if (field.getKey().equals("messages") && value.isArray()) {
                    generator.writeStartArray(value, value.size());
                    for (int i = 0; i < value.size(); i++) {
                        SerializedString message = i < reused ? previous.get(i) : text(value.get(i));
                        generator.writeRawValue(message);
                        messages.add(message);
                    }
                    generator.writeEndArray();
                } else {
                    JsonSupport.MAPPER.writeTree(generator, value);
                }
            }
            generator.writeEndObject();
            generator.writeRaw('\n');
            generator.flush();
            return new Written(bytes.toByteArray(), messages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One message as the document's printer writes it at its depth, so it can be copied into any later write. Written
     * by a UTF-8 generator, as the document is: a character-based one writes a character outside the basic plane
     * unescaped, and a lone surrogate as a character that cannot be encoded later.
     */
    private static SerializedString text(JsonNode message) throws IOException {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(1024);
             JsonGenerator generator = JsonSupport.MAPPER.getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
            generator.setPrettyPrinter(JsonSupport.prettyPrinter(MESSAGE_DEPTH));
            JsonSupport.MAPPER.writeTree(generator, message);
            generator.flush();
            return new SerializedString(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
        }
    }
}
