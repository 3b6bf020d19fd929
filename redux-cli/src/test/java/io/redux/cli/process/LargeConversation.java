package io.redux.cli.process;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A valid conversation file of many 100 KB messages, written without holding it, larger than a small heap. */
final class LargeConversation {

    static final int MESSAGE_CHARACTERS = 100 * 1024;

    private LargeConversation() {
    }

    /** Writes conversation {@code id} with {@code messages} messages, alternately the user's and the assistant's. */
    static Path write(Path folder, String id, int messages) throws IOException {
        Path file = folder.resolve(id + ".json");
        String text = "All work and no play makes a long conversation. ".repeat(MESSAGE_CHARACTERS / 48 + 1)
                .substring(0, MESSAGE_CHARACTERS);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\n  \"conversation_id\": \"" + id + "\",\n  \"created_at\": \"2025-01-09T18:00:00Z\",\n"
                    + "  \"updated_at\": \"2025-01-09T18:30:00Z\",\n"
                    + "  \"model_id\": \"custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0\",\n"
                    + "  \"region\": \"us-east-1\",\n  \"messages\": [");
            for (int i = 0; i < messages; i++) {
                out.write((i == 0 ? "" : ",") + "\n    {\"id\": \"m" + i + "\", \"role\": \""
                        + (i % 2 == 0 ? "user" : "assistant") + "\", \"content\": \"" + i + " " + text
                        + "\", \"timestamp\": \"2025-01-09T18:00:00Z\"}");
            }
            out.write("\n  ],\n  \"metadata\": {}\n}\n");
        }
        return file;
    }
}
