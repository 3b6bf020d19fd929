package io.redux.testkit.stub;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stub server's script: one reply per line, used in order, one per request; after the last the stub echoes.
 * Lines that change the next reply ({@code delay}, {@code cut}, {@code stall}, {@code garbage},
 * {@code stream-error}) come before it. A stream's events are counted from its first: {@code messageStart}, one
 * {@code contentBlockDelta} per chunk (a tool use opens with {@code contentBlockStart}), {@code contentBlockStop}
 * per block, {@code messageStop}, {@code metadata}.
 *
 * <pre>
 * # a comment; blank lines are ignored
 * text Hello|, world|!                 a streamed text answer in three chunks ('|' separates chunks)
 * tool get_weather {"city":"Paris"}    a tool use (id tooluse_N) with that JSON input, streamed in two chunks
 * tool-invalid get_weather {"city":    a tool use whose input is that text as it is, which is not JSON
 * error ThrottlingException            an AWS error with its real status (ThrottlingException, AccessDeniedException,
 *                                      ValidationException, ResourceNotFoundException, ModelNotReadyException,
 *                                      ServiceUnavailableException, InternalServerException,
 *                                      ModelStreamErrorException, ModelTimeoutException)
 * error ThrottlingException x4         the same error for the next 4 requests (a client's retries take one each)
 * delay 500                            the next reply waits 500 ms before its first byte
 * cut 2                                the next reply's stream ends after 2 events, without messageStop and metadata
 * stall 2                              the next reply's stream sends 2 events, then nothing, held open
 * garbage 2                            the next reply's stream sends 2 events, then bytes that are not an event
 * stream-error throttlingException 2   the next reply's stream sends 2 events, then that exception event
 *                                      (internalServerException, modelStreamErrorException, validationException,
 *                                      throttlingException, serviceUnavailableException)
 * </pre>
 */
public final class StubScript {

    private static final Pattern REPEAT = Pattern.compile("(.*\\S)\\s+x(\\d+)");

    private StubScript() {
    }

    public static List<StubReply> parse(List<String> lines) {
        List<StubReply> replies = new ArrayList<>();
        long delay = 0;
        StubReply.StreamFault fault = null;
        int faultAfter = -1;
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
            int times = 1;
            switch (keyword) {
                case "text" -> reply = StubReply.text(rest.split("\\|", -1));
                case "tool" -> reply = tool(rest, replies.size() + 1, lineNumber, true);
                case "tool-invalid" -> reply = tool(rest, replies.size() + 1, lineNumber, false);
                case "error" -> {
                    Matcher repeat = REPEAT.matcher(rest);
                    if (repeat.matches()) {
                        rest = repeat.group(1);
                        times = count(repeat.group(2), lineNumber);
                        if (times == 0) {
                            throw new IllegalArgumentException("script line " + lineNumber + ": x0 repeats nothing");
                        }
                    }
                    reply = StubReply.error(StubError.named(rest));
                }
                case "delay" -> {
                    delay = number(rest, lineNumber);
                    continue;
                }
                case "cut", "stall", "garbage" -> {
                    faultAfter = count(rest, lineNumber);
                    fault = keyword.equals("cut") ? new StubReply.Cut() : keyword.equals("stall")
                            ? new StubReply.Stall(StubReply.Stall.FOREVER) : new StubReply.Garbage();
                    continue;
                }
                case "stream-error" -> {
                    String[] words = rest.split("\\s+");
                    if (words.length != 2 || !StubError.BEDROCK_STREAM_EXCEPTIONS.contains(words[0])) {
                        throw new IllegalArgumentException("script line " + lineNumber + ": use 'stream-error TYPE N'"
                                + " with TYPE one of " + String.join(", ", StubError.BEDROCK_STREAM_EXCEPTIONS));
                    }
                    fault = new StubReply.StreamException(StubError.named(words[0]));
                    faultAfter = count(words[1], lineNumber);
                    continue;
                }
                default -> throw new IllegalArgumentException("script line " + lineNumber + ": unknown keyword '"
                        + keyword + "'; use text, tool, tool-invalid, error, delay, cut, stall, garbage or stream-error");
            }
            reply = reply.withFirstByteDelay(delay);
            if (fault != null) {
                reply = reply.withFault(faultAfter, fault);
            }
            for (int i = 0; i < times; i++) {
                replies.add(reply);
            }
            delay = 0;
            fault = null;
        }
        return replies;
    }

    private static StubReply tool(String rest, int number, int lineNumber, boolean json) {
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("script line " + lineNumber + ": use '" + (json ? "tool NAME {json input}"
                    : "tool-invalid NAME TEXT"));
        }
        String input = rest.substring(space + 1).strip();
        if (json) {
            MiniJson.parse(input);
        }
        int half = input.length() / 2;
        return StubReply.toolUse("tooluse_" + number, rest.substring(0, space), input.substring(0, half),
                input.substring(half));
    }

    private static long number(String value, int lineNumber) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("script line " + lineNumber + ": '" + value + "' is not a number");
        }
    }

    private static int count(String value, int lineNumber) {
        long count = number(value, lineNumber);
        if (count < 0 || count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("script line " + lineNumber + ": '" + value + "' is not a count");
        }
        return (int) count;
    }
}
