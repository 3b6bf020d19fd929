package io.redux.storage.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redux.domain.error.CorruptConversationException;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.Message;
import io.redux.domain.model.MessageSequence;
import io.redux.domain.model.Role;
import io.redux.domain.model.Titles;
import io.redux.domain.port.ConversationReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads a conversation file holding one message at a time, for output: a show or an export of a conversation larger
 * than memory. The file is opened once and read twice: the first pass checks all of it exactly as a full load does
 * (every field and message through {@link ConversationParser}, the message rules through {@link MessageSequence}) and
 * finds the title; only then does the second pass hand out the messages, so an unreadable file gives nothing but its
 * error. Both passes read the same open file, so a writer renaming a new version over it meanwhile changes nothing.
 */
final class ConversationStreamer {

    private ConversationStreamer() {
    }

    /** Gives {@code reader} the conversation's outline, then each message. */
    static void read(Path file, ConversationId id, ConversationReader reader) throws IOException {
        try (SeekableByteChannel channel = RegularFileReader.open(file)) {
            Checked checked = check(file, channel, id);
            reader.begin(checked.outline(), checked.title());
            channel.position(0);
            pass(file, channel, id, reader::message);
        }
    }

    /**
     * Copies the file's text to {@code out} once it is checked.
     *
     * @throws UncheckedIOException when {@code out} fails (an {@link IOException} is the file's)
     */
    static void copy(Path file, ConversationId id, Writer out) throws IOException {
        try (SeekableByteChannel channel = RegularFileReader.open(file)) {
            check(file, channel, id);
            channel.position(0);
            InputStreamReader text = new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8
                    .newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            char[] buffer = new char[64 * 1024];
            for (int read; (read = text.read(buffer)) >= 0; ) {
                try {
                    out.write(buffer, 0, read);
                } catch (IOException e) {
                    // The output's failure, not the file's: the caller reports it as such.
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private record Checked(Conversation outline, String title) {
    }

    private static Checked check(Path file, SeekableByteChannel channel, ConversationId id) throws IOException {
        MessageSequence sequence = new MessageSequence(id);
        String[] title = {null};
        Conversation outline = pass(file, channel, id, message -> {
            try {
                sequence.add(message);
            } catch (InvalidInputException e) {
                throw new CorruptConversationException(file.toString(), e.getMessage());
            }
            if (title[0] == null && message.role() == Role.USER) {
                title[0] = Titles.shorten(message.text());
            }
        });
        return new Checked(outline, title[0] == null ? "" : title[0]);
    }

    /** One pass over the whole document: each message to {@code messages}, and the outline at the end. */
    private static Conversation pass(Path file, SeekableByteChannel channel, ConversationId id,
                                     Consumer<Message> messages) throws IOException {
        String location = file.toString();
        requireUtf8(location, channel);
        InputStream in = Channels.newInputStream(channel);
        try (JsonParser parser = JsonSupport.MAPPER.createParser(in)) {
            // The channel outlives the pass: the next one reads it again.
            parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new CorruptConversationException(location, "the file is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new CorruptConversationException(location,
                        ConversationParser.notAnObject(JsonSupport.MAPPER.readTree(parser)));
            }
            ObjectNode outline = JsonSupport.MAPPER.createObjectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("messages") && value == JsonToken.START_ARRAY) {
                    int index = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        messages.accept(ConversationParser.parseMessage(location,
                                JsonSupport.MAPPER.readTree(parser), "messages[" + index++ + "]"));
                    }
                    outline.putArray(field);
                } else {
                    outline.set(field, JsonSupport.MAPPER.readTree(parser));
                }
            }
            return ConversationParser.parseOutline(location, outline, id);
        } catch (JsonProcessingException e) {
            throw new CorruptConversationException(location, ConversationParser.notJson(e));
        }
    }

    /** Refuses UTF-16 and UTF-32 before Jackson would decode them (see {@link JsonSupport#encodingProblem}). */
    private static void requireUtf8(String location, SeekableByteChannel channel) throws IOException {
        ByteBuffer start = ByteBuffer.allocate(4);
        while (start.hasRemaining() && channel.read(start) >= 0) {
            // The first four bytes, or the whole of a shorter file.
        }
        String problem = JsonSupport.encodingProblem(start.array(), start.position());
        if (problem != null) {
            throw new CorruptConversationException(location, problem);
        }
        channel.position(0);
    }
}
