package io.redux.testkit.stub;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

class EventStreamEncoderTest {

    @Test
    void framesAMessageWithLengthsAndBothChecksums() {
        byte[] message = EventStreamEncoder.event("messageStart", "{\"role\":\"assistant\"}");
        ByteBuffer buffer = ByteBuffer.wrap(message);

        int total = buffer.getInt();
        int headersLength = buffer.getInt();
        long preludeCrc = Integer.toUnsignedLong(buffer.getInt());

        assertThat(total).isEqualTo(message.length);
        assertThat(preludeCrc).isEqualTo(crc(message, 8));
        assertThat(Integer.toUnsignedLong(ByteBuffer.wrap(message, total - 4, 4).getInt())).isEqualTo(crc(message, total - 4));
        String payload = new String(message, 12 + headersLength, total - 16 - headersLength, StandardCharsets.UTF_8);
        assertThat(payload).isEqualTo("{\"role\":\"assistant\"}");
        String headers = new String(message, 12, headersLength, StandardCharsets.UTF_8);
        assertThat(headers).contains(":event-type", "messageStart", ":content-type", "application/json", ":message-type", "event");
    }

    @Test
    void encodesAStringHeaderAsNameLengthNameTypeSevenAndValueLength() {
        byte[] message = EventStreamEncoder.message(java.util.Map.of("a", "xyz"), new byte[0]);

        assertThat(java.util.Arrays.copyOfRange(message, 12, 12 + 8))
                .containsExactly(1, 'a', 7, 0, 3, 'x', 'y', 'z');
    }

    private static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
