package io.redux.testkit.stub;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The answer of a stub with nothing scripted: it quotes the last user message, in several chunks, with usage. */
final class EchoModel {

    private EchoModel() {
    }

    static StubReply answer(String lastUserText) {
        String reply = "You said: \"" + lastUserText + "\". This is the Redux stub model answering.";
        List<String> chunks = chunks(reply);
        return StubReply.text(chunks.toArray(String[]::new))
                .withUsage(Math.max(1, words(lastUserText)), chunks.size());
    }

    /**
     * The text of the last user message of a chat request body, or "" when there is none. Bedrock Converse gives a
     * message's content as a list of blocks (their texts joined with newlines), the OpenAI chat API (SageMaker) as
     * a string.
     */
    @SuppressWarnings("unchecked")
    static String lastUserText(Object chatRequest) {
        String last = "";
        if (!(chatRequest instanceof Map<?, ?> body) || !(body.get("messages") instanceof List<?> messages)) {
            return last;
        }
        for (Object message : messages) {
            Map<String, Object> m = (Map<String, Object>) message;
            if (!"user".equals(m.get("role"))) {
                continue;
            }
            if (m.get("content") instanceof String text) {
                last = text;
            } else if (m.get("content") instanceof List<?> blocks) {
                StringBuilder text = new StringBuilder();
                for (Object block : blocks) {
                    Object t = ((Map<String, Object>) block).get("text");
                    if (t instanceof String s) {
                        // One line each: history repair merges repeated user messages into one turn of blocks.
                        text.append(text.length() > 0 ? "\n" : "").append(s);
                    }
                }
                if (text.length() > 0) {
                    last = text.toString();
                }
            }
        }
        return last;
    }

    /** Splits text into chunks of about three words, keeping every character. */
    static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        String[] words = text.split("(?<= )");
        StringBuilder chunk = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            chunk.append(words[i]);
            if ((i + 1) % 3 == 0) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
        }
        if (chunk.length() > 0) {
            chunks.add(chunk.toString());
        }
        return chunks;
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }
}
