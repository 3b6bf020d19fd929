package io.redux.storage.migration;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Set;

/**
 * Reads the parts of a {@code ConversationState} document the mapping needs, in one streaming pass.
 *
 * <p>Most of a document's bytes are not conversation (tool specifications, the transcript, timing metadata): those
 * fields are skipped without building a tree, their syntax checked all the same. An image's {@code "Bytes"} array
 * (one JSON number per byte, megabytes for a screenshot) is never built either: it is replaced by its length.
 */
final class StateDocumentReader {

    /** The key of an image's byte array; in the tree it holds the number of bytes instead. */
    static final String BYTES = "Bytes";

    /** The top-level fields the mapping reads; the others are documented as not migrated. */
    private static final Set<String> READ_FIELDS = Set.of("conversation_id", "history", "next_message",
            "latest_summary", "model", "model_info");

    private final ObjectMapper json;
    private final JsonNodeFactory nodes;

    StateDocumentReader(ObjectMapper json) {
        this.json = json;
        this.nodes = json.getNodeFactory();
    }

    /** The document's read fields. */
    ObjectNode read(byte[] value) throws UnreadableRowException {
        if (value == null) {
            throw new UnreadableRowException("the value is NULL");
        }
        try (JsonParser parser = json.getFactory().createParser(value)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new UnreadableRowException("the value is empty");
            }
            ObjectNode root = nodes.objectNode();
            if (first == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if (READ_FIELDS.contains(name)) {
                        root.set(name, tree(parser));
                    } else {
                        parser.skipChildren();
                    }
                }
            } else {
                // Read to its end all the same: invalid JSON is reported as that, whatever its first token.
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                throw new UnreadableRowException("the value has more after its JSON document");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new UnreadableRowException("the value is JSON but not an object; expected a ConversationState");
            }
            return root;
        } catch (IOException e) {
            // The parser's own message can quote the content, which may hold a secret: say only where it broke.
            JsonLocation at = e instanceof JsonProcessingException processing ? processing.getLocation() : null;
            throw new UnreadableRowException("the value is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    /** The tree of the value at the parser's current token, with byte arrays replaced by their length. */
    private JsonNode tree(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (name.equals(BYTES) && value == JsonToken.START_ARRAY) {
                        object.put(name, countElements(parser));
                    } else {
                        object.set(name, tree(parser));
                    }
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(tree(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return nodes.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> nodes.numberNode(parser.getIntValue());
                    case LONG -> nodes.numberNode(parser.getLongValue());
                    default -> nodes.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return nodes.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE -> {
                return nodes.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return nodes.booleanNode(false);
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            default -> throw new JsonParseProblem(parser, "unexpected " + parser.currentToken());
        }
    }

    private static long countElements(JsonParser parser) throws IOException {
        long count = 0;
        // At the end of the input inside an array the parser throws, so no token is null here.
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            parser.skipChildren();
            count++;
        }
        return count;
    }

    /** A structural problem the parser itself does not flag. */
    private static final class JsonParseProblem extends JsonProcessingException {
        JsonParseProblem(JsonParser parser, String message) {
            super(message, parser.currentLocation());
        }
    }
}
