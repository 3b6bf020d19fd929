package io.redux.testkit.stub;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SageMaker Runtime on loopback, serving an LLM container with the OpenAI-compatible chat API (as TGI, vLLM and
 * LMI do): {@code POST /endpoints/{name}/invocations} answers a {@code chat.completion} JSON, and
 * {@code /invocations-response-stream} streams {@code PayloadPart} events carrying server-sent-event lines of
 * {@code chat.completion.chunk}s, split across parts the way a real endpoint may split them.
 */
public final class SageMakerRuntimeStub extends ScriptedModelStub<SageMakerRuntimeStub> {

    private static final String INVOKE = "/invocations";
    private static final String INVOKE_STREAM = "/invocations-response-stream";

    public SageMakerRuntimeStub() {
        super(0, null);
    }

    @Override
    boolean isOperation(RecordedRequest request) {
        return request.path().endsWith(INVOKE) || request.path().endsWith(INVOKE_STREAM);
    }

    @Override
    void answer(HttpExchange exchange, RecordedRequest request, StubReply reply) throws IOException {
        exchange.getResponseHeaders().set("x-Amzn-Invoked-Production-Variant", "AllTraffic");
        if (request.path().endsWith(INVOKE_STREAM)) {
            stream(exchange, reply);
        } else {
            respond(exchange, 200, "application/json", completion(reply));
        }
    }

    private static void stream(HttpExchange exchange, StubReply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.amazon.eventstream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        List<String> lines = new ArrayList<>();
        for (String chunk : ((StubReply.Text) reply.blocks().get(0)).chunks()) {
            lines.add("data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
                    + MiniJson.quote(chunk) + "},\"finish_reason\":null}]}\n\n");
        }
        lines.add("data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\""
                + finishReason(reply) + "\"}]," + usage(reply) + "}\n\n");
        lines.add("data: [DONE]\n\n");
        List<byte[]> events = new ArrayList<>();
        for (String line : lines) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            int half = bytes.length / 2;
            for (byte[] part : new byte[][] {Arrays.copyOfRange(bytes, 0, half), Arrays.copyOfRange(bytes, half, bytes.length)}) {
                events.add(EventStreamEncoder.event("PayloadPart", "application/octet-stream", part));
            }
        }
        sendEvents(out, events, reply, error -> EventStreamEncoder.exception("ModelStreamError", error.jsonBody()));
    }

    private static String completion(StubReply reply) {
        return "{\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + MiniJson.quote(reply.text()) + "},\"finish_reason\":\"" + finishReason(reply) + "\"}]," + usage(reply) + "}";
    }

    private static String finishReason(StubReply reply) {
        return "max_tokens".equals(reply.stopReason()) ? "length" : "stop";
    }

    private static String usage(StubReply reply) {
        return "\"usage\":{\"prompt_tokens\":" + reply.inputTokens() + ",\"completion_tokens\":" + reply.outputTokens()
                + ",\"total_tokens\":" + (reply.inputTokens() + reply.outputTokens()) + "}";
    }
}
