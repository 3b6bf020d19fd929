package io.redux.aws;

import io.redux.domain.json.JsonValue;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts the domain's {@link JsonValue} to and from the SDK's {@link Document} and parsed JSON text. */
final class Documents {

    private static final JsonNodeParser PARSER = JsonNode.parser();

    private Documents() {
    }

    public static Document toDocument(JsonValue value) {
        if (value instanceof JsonValue.JsonObject object) {
            Map<String, Document> members = new LinkedHashMap<>();
            object.members().forEach((name, member) -> members.put(name, toDocument(member)));
            return Document.fromMap(members);
        }
        if (value instanceof JsonValue.JsonArray array) {
            List<Document> elements = new ArrayList<>();
            array.elements().forEach(element -> elements.add(toDocument(element)));
            return Document.fromList(elements);
        }
        if (value instanceof JsonValue.JsonString string) {
            return Document.fromString(string.value());
        }
        if (value instanceof JsonValue.JsonNumber number) {
            return Document.fromNumber(SdkNumber.fromBigDecimal(number.value()));
        }
        if (value instanceof JsonValue.JsonBoolean bool) {
            return Document.fromBoolean(bool.value());
        }
        return Document.fromNull();
    }

    public static JsonValue fromDocument(Document document) {
        if (document == null || document.isNull()) {
            return JsonValue.JsonNull.INSTANCE;
        }
        if (document.isMap()) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            document.asMap().forEach((name, member) -> members.put(name, fromDocument(member)));
            return new JsonValue.JsonObject(members);
        }
        if (document.isList()) {
            return new JsonValue.JsonArray(document.asList().stream().map(Documents::fromDocument).toList());
        }
        if (document.isString()) {
            return new JsonValue.JsonString(document.asString());
        }
        if (document.isNumber()) {
            return new JsonValue.JsonNumber(document.asNumber().bigDecimalValue());
        }
        return new JsonValue.JsonBoolean(document.asBoolean());
    }

    /** Parses JSON text (a streamed tool input); blank text is an empty object, as models send for no arguments. */
    public static JsonValue parse(String json) {
        if (json == null || json.isBlank()) {
            return JsonValue.emptyObject();
        }
        return fromNode(PARSER.parse(json));
    }

    public static JsonValue fromNode(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            node.asObject().forEach((name, member) -> members.put(name, fromNode(member)));
            return new JsonValue.JsonObject(members);
        }
        if (node.isArray()) {
            return new JsonValue.JsonArray(node.asArray().stream().map(Documents::fromNode).toList());
        }
        if (node.isString()) {
            return new JsonValue.JsonString(node.asString());
        }
        if (node.isNumber()) {
            return new JsonValue.JsonNumber(new BigDecimal(node.asNumber()));
        }
        if (node.isBoolean()) {
            return new JsonValue.JsonBoolean(node.asBoolean());
        }
        return JsonValue.JsonNull.INSTANCE;
    }
}
