package io.redux.storage.json.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/**
 * Writes N conversations of M messages each into a folder, in the format of docs/conversation-format.md, for
 * benchmarks of listing and showing. Deterministic (seeded); about 16 KB per conversation of 40 messages, so
 * 10,000 x 40 is about 157 MB, the size the listing figures of docs/performance.md are measured on.
 *
 * <pre>java -cp CLASSPATH io.redux.storage.json.bench.ConversationGenerator FOLDER [N=10000] [M=40]</pre>
 */
public final class ConversationGenerator {

    private static final String[] WORDS = ("the build fails when the test runs against the stub server because "
            + "its port is taken so we retry with another one and log which port was used for the request").split(" ");
    private static final String MODEL = "custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0";

    private ConversationGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ConversationGenerator FOLDER [CONVERSATIONS=10000] [MESSAGES=40]");
            System.exit(2);
        }
        Path folder = Files.createDirectories(Path.of(args[0]));
        int conversations = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int messages = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        long bytes = generate(folder, conversations, messages, 42);
        System.out.printf("wrote %,d conversations of %d messages (%,d bytes) to %s%n", conversations, messages, bytes, folder);
    }

    /** @return the bytes written */
    public static long generate(Path folder, int conversations, int messages, long seed) throws IOException {
        Random random = new Random(seed);
        JsonFactory factory = new JsonFactory();
        Instant base = Instant.parse("2025-01-01T00:00:00Z");
        long total = 0;
        for (int c = 0; c < conversations; c++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            id = UUID.fromString(id.toString().substring(0, 14) + "4" + id.toString().substring(15, 19).replaceFirst(".", "a")
                    + id.toString().substring(19));
            Instant created = base.plusSeconds(random.nextInt(300 * 24 * 3600));
            Path file = folder.resolve(id + ".json");
            try (JsonGenerator json = factory.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                json.writeStringField("conversation_id", id.toString());
                json.writeStringField("created_at", created.toString());
                json.writeStringField("updated_at", created.plusSeconds(30L * messages).toString());
                json.writeStringField("model_id", MODEL);
                json.writeStringField("region", "us-east-1");
                json.writeArrayFieldStart("messages");
                for (int m = 0; m < messages; m++) {
                    writeMessage(json, random, m, created.plusSeconds(30L * (m + 1)));
                }
                json.writeEndArray();
                json.writeObjectFieldStart("metadata");
                json.writeStringField("aws_profile", "default");
                json.writeStringField("session_type", "interactive");
                json.writeStringField("working_directory", "/home/dev/project-" + (c % 50));
                json.writeEndObject();
                json.writeEndObject();
            }
            total += Files.size(file);
        }
        return total;
    }

    private static void writeMessage(JsonGenerator json, Random random, int index, Instant at) throws IOException {
        json.writeStartObject();
        switch (index % 4) {
            case 0 -> {
                json.writeStringField("id", "msg_" + index);
                json.writeStringField("role", "user");
                json.writeStringField("content", words(random, 18 + random.nextInt(36)));
            }
            case 1 -> {
                json.writeStringField("id", "msg_" + index);
                json.writeStringField("role", "assistant");
                json.writeStringField("content", words(random, 36 + random.nextInt(70)));
            }
            case 2 -> {
                json.writeStringField("id", "tool_call_" + index);
                json.writeStringField("role", "tool_call");
                json.writeStringField("tool_name", "file_read");
                json.writeObjectFieldStart("arguments");
                json.writeStringField("path", "/src/module" + random.nextInt(100) + "/Main.java");
                json.writeEndObject();
            }
            default -> {
                json.writeStringField("id", "tool_result_" + index);
                json.writeStringField("role", "tool_result");
                json.writeStringField("tool_call_id", "tool_call_" + (index - 1));
                json.writeStringField("content", words(random, 52 + random.nextInt(88)));
            }
        }
        json.writeStringField("timestamp", at.toString());
        json.writeEndObject();
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder(count * 6);
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
