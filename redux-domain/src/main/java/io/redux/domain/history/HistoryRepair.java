package io.redux.domain.history;

import io.redux.domain.json.JsonValue;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Message;
import io.redux.domain.model.ToolCall;
import io.redux.domain.model.ToolResult;
import io.redux.domain.model.UserMessage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns any stored history into turns a model accepts, whatever a crash, an interruption, a migration or a hand
 * edit left in it. The output:
 * <ul>
 *   <li>starts with a user turn (a short note stands in when the history starts with the assistant);</li>
 *   <li>alternates user and assistant turns (consecutive messages of one side are merged into one turn);</li>
 *   <li>answers every tool use of an assistant turn in the next user turn, exactly once; a call with no stored
 *       result gets an error result saying so;</li>
 *   <li>drops a result that answers no call of the assistant turn just before it (unknown call, answered twice,
 *       or stored after a later assistant turn), and drops blank texts;</li>
 *   <li>gives every tool use a JSON object as input (other JSON is wrapped as {@code {"arguments": ...}});</li>
 *   <li>gives every tool use an id of the form {@code [A-Za-z0-9_-]{1,64}}, unique in the request (Bedrock's rule);
 *       an id already of that form is kept as it is.</li>
 * </ul>
 * It is a pure function: the same history always gives the same turns.
 */
public final class HistoryRepair {

    /** Stands in for the user when a history starts with the assistant. */
    public static final String MISSING_START = "(The start of this conversation is not available.)";
    /** Answers a tool call that has no stored result. */
    public static final String NO_RESULT =
            "No result was recorded for this tool call: it was interrupted or never run.";
    /** Stands in for a tool result with empty content, which models refuse. */
    public static final String EMPTY_RESULT = "(no output)";

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_ID_LENGTH = 64;

    private final List<TurnInProgress> turns = new ArrayList<>();
    /** Tool uses of the latest assistant turn not answered yet: safe id to stored call id. */
    private final Map<String, String> awaiting = new LinkedHashMap<>();
    private final Set<String> usedIds = new HashSet<>();

    private HistoryRepair() {
    }

    public static List<Turn> repair(List<Message> history) {
        HistoryRepair repair = new HistoryRepair();
        MessageSorter sorter = repair.new MessageSorter();
        for (Message message : history) {
            message.accept(sorter);
        }
        return repair.finish();
    }

    private List<Turn> finish() {
        answerAwaitingWithErrors();
        List<Turn> result = new ArrayList<>(turns.size() + 1);
        if (!turns.isEmpty() && !turns.get(0).speaker.equals(Turn.Speaker.USER)) {
            result.add(new Turn(Turn.Speaker.USER, List.of(new Block.Text(MISSING_START))));
        }
        for (TurnInProgress turn : turns) {
            result.add(turn.toTurn());
        }
        return List.copyOf(result);
    }

    private TurnInProgress userTurn() {
        return current(Turn.Speaker.USER);
    }

    private TurnInProgress assistantTurn() {
        if (!isCurrent(Turn.Speaker.ASSISTANT)) {
            answerAwaitingWithErrors();
        }
        return current(Turn.Speaker.ASSISTANT);
    }

    private boolean isCurrent(Turn.Speaker speaker) {
        return !turns.isEmpty() && turns.get(turns.size() - 1).speaker == speaker;
    }

    private TurnInProgress current(Turn.Speaker speaker) {
        if (!isCurrent(speaker)) {
            turns.add(new TurnInProgress(speaker));
        }
        return turns.get(turns.size() - 1);
    }

    private void answerAwaitingWithErrors() {
        if (awaiting.isEmpty()) {
            return;
        }
        TurnInProgress answers = userTurn();
        for (String safeId : awaiting.keySet()) {
            answers.tools.add(new Block.ToolResult(safeId, NO_RESULT, true));
        }
        awaiting.clear();
    }

    /** The first awaiting tool use that {@code storedCallId} names, removed from the awaiting ones; null if none. */
    private String takeAwaiting(String storedCallId) {
        Iterator<Map.Entry<String, String>> it = awaiting.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, String> entry = it.next();
            if (entry.getValue().equals(storedCallId)) {
                it.remove();
                return entry.getKey();
            }
        }
        return null;
    }

    private String safeId(String storedId) {
        String base = SAFE_ID.matcher(storedId).matches() ? storedId : sanitize(storedId);
        String candidate = base;
        for (int n = 2; !usedIds.add(candidate); n++) {
            String suffix = "_" + n;
            candidate = base.substring(0, Math.min(base.length(), MAX_ID_LENGTH - suffix.length())) + suffix;
        }
        return candidate;
    }

    /** Models take a tool's input only as an object; an old or hand-made file may hold other JSON. */
    private static JsonValue.JsonObject asObject(JsonValue arguments) {
        return arguments instanceof JsonValue.JsonObject object ? object
                : new JsonValue.JsonObject(Map.of("arguments", arguments));
    }

    private static String sanitize(String id) {
        String cleaned = id.replaceAll("[^A-Za-z0-9_-]", "_");
        if (cleaned.isEmpty()) {
            return "tooluse";
        }
        return cleaned.length() > MAX_ID_LENGTH ? cleaned.substring(0, MAX_ID_LENGTH) : cleaned;
    }

    /** Sends each message to its side of the conversation. */
    private final class MessageSorter implements Message.Visitor<Void> {

        @Override
        public Void visitUser(UserMessage message) {
            if (!message.content().isBlank()) {
                userTurn().texts.add(new Block.Text(message.content()));
            }
            return null;
        }

        @Override
        public Void visitAssistant(AssistantMessage message) {
            if (!message.content().isBlank()) {
                assistantTurn().texts.add(new Block.Text(message.content()));
            }
            return null;
        }

        @Override
        public Void visitToolCall(ToolCall call) {
            TurnInProgress turn = assistantTurn();
            String id = safeId(call.id());
            turn.tools.add(new Block.ToolUse(id, call.toolName(), asObject(call.arguments())));
            awaiting.put(id, call.id());
            return null;
        }

        @Override
        public Void visitToolResult(ToolResult result) {
            String id = takeAwaiting(result.toolCallId());
            if (id != null) {
                String content = result.content().isEmpty() ? EMPTY_RESULT : result.content();
                userTurn().tools.add(new Block.ToolResult(id, content, result.isError()));
            }
            return null;
        }
    }

    /** A turn being gathered; tool blocks and text are kept apart so each side gets its order. */
    private static final class TurnInProgress {
        final Turn.Speaker speaker;
        final List<Block> texts = new ArrayList<>();
        final List<Block> tools = new ArrayList<>();

        TurnInProgress(Turn.Speaker speaker) {
            this.speaker = speaker;
        }

        Turn toTurn() {
            List<Block> blocks = new ArrayList<>(texts.size() + tools.size());
            if (speaker == Turn.Speaker.USER) {
                blocks.addAll(tools);
                blocks.addAll(texts);
            } else {
                blocks.addAll(texts);
                blocks.addAll(tools);
            }
            return new Turn(speaker, blocks);
        }
    }
}
