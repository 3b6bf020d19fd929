package io.redux.testkit.stub;

import java.util.ArrayList;
import java.util.List;

/**
 * The stub server's script: one reply per line, used in order, one per request; after the last the stub echoes.
 *
 * <pre>
 * # a comment; blank lines are ignored
 * text Hello|, world|!                 a streamed text answer in three chunks ('|' separates chunks)
 * tool get_weather {"city":"Paris"}    a tool use (id tooluse_N) with that JSON input, streamed in two chunks
 * error ThrottlingException            an AWS error with its real status (ThrottlingException, AccessDeniedException,
 *                                      ValidationException, ResourceNotFoundException, ModelNotReadyException,
 *                                      ServiceUnavailableException, InternalServerException, ModelTimeoutException)
 * delay 500                            the next reply waits 500 ms before its first byte
 * </pre>
 */
public final class StubScript {

    private StubScript() {
    }

    public static List<StubReply> parse(List<String> lines) {
        List<StubReply> replies = new ArrayList<>();
        long delay = 0;
        int lineNumber = 0;
        for (String raw : lines) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            String keyword = space < 0 ? line : line.substring(0, space);
            String rest = space < 0 ? "" : line.substring(space + 1).strip();
            StubReply reply;
            switch (keyword) {
                case "text" -> reply = StubReply.text(rest.split("\\|", -1));
                case "tool" -> reply = tool(rest, replies.size() + 1, lineNumber);
                case "error" -> reply = StubReply.error(StubError.named(rest));
                case "delay" -> {
                    delay = Long.parseLong(rest);
                    continue;
                }
                default -> throw new IllegalArgumentException("script line " + lineNumber + ": unknown keyword '"
                        + keyword + "'; use text, tool, error or delay");
            }
            replies.add(reply.withFirstByteDelay(delay));
            delay = 0;
        }
        return replies;
    }

    private static StubReply tool(String rest, int number, int lineNumber) {
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("script line " + lineNumber + ": use 'tool NAME {json input}'");
        }
        String json = rest.substring(space + 1).strip();
        MiniJson.parse(json);
        int half = json.length() / 2;
        return StubReply.toolUse("tooluse_" + number, rest.substring(0, space), json.substring(0, half), json.substring(half));
    }
}
