package io.redux.testkit.stub;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Encodes messages of the {@code application/vnd.amazon.eventstream} framing that AWS streaming APIs use.
 *
 * <p>A message is: total length (4 bytes), headers length (4), CRC32 of those 8 bytes (4), the headers, the
 * payload, then a CRC32 of everything before it (4). Every integer is big-endian. Each header is its name
 * length (1 byte), name, value type (1 byte; 7 = string) and, for strings, value length (2 bytes) and value.
 */
public final class EventStreamEncoder {

    private static final byte STRING_TYPE = 7;
    private static final int PRELUDE_LENGTH = 12;
    private static final int CRC_LENGTH = 4;

    private EventStreamEncoder() {
    }

    /** An event of {@code eventType} with a JSON payload, as a service sends on success. */
    public static byte[] event(String eventType, String json) {
        return event(eventType, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] event(String eventType, String contentType, byte[] payload) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":event-type", eventType);
        headers.put(":content-type", contentType);
        headers.put(":message-type", "event");
        return message(headers, payload);
    }

    /** A modelled exception sent inside the stream, such as {@code throttlingException}, with a JSON payload. */
    public static byte[] exception(String exceptionType, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":exception-type", exceptionType);
        headers.put(":content-type", "application/json");
        headers.put(":message-type", "exception");
        return message(headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** One framed message with string headers, in the given order. */
    public static byte[] message(Map<String, String> headers, byte[] payload) {
        byte[] encodedHeaders = encodeHeaders(headers);
        int total = PRELUDE_LENGTH + encodedHeaders.length + payload.length + CRC_LENGTH;
        ByteBuffer buffer = ByteBuffer.allocate(total);
        buffer.putInt(total).putInt(encodedHeaders.length);
        buffer.putInt((int) crc(buffer.array(), 0, 8));
        buffer.put(encodedHeaders).put(payload);
        buffer.putInt((int) crc(buffer.array(), 0, total - CRC_LENGTH));
        return buffer.array();
    }

    private static byte[] encodeHeaders(Map<String, String> headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        headers.forEach((name, value) -> {
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
            out.write(nameBytes.length);
            out.writeBytes(nameBytes);
            out.write(STRING_TYPE);
            out.write(valueBytes.length >>> 8);
            out.write(valueBytes.length & 0xff);
            out.writeBytes(valueBytes);
        });
        return out.toByteArray();
    }

    private static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }
}
