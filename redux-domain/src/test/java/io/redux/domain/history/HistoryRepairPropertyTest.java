package io.redux.domain.history;

import io.redux.domain.json.JsonValue;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Message;
import io.redux.domain.model.ToolCall;
import io.redux.domain.model.ToolResult;
import io.redux.domain.model.ToolResultStatus;
import io.redux.domain.model.UserMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Thousands of random, odd histories; every one must come out as turns a model accepts. */
class HistoryRepairPropertyTest {

    private static final long SEED = 20250109L;
    private static final int HISTORIES = 5_000;
    private static final Instant T = Instant.parse("2025-01-09T18:00:00Z");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String[] TEXTS = {"hello", "", "   ", "\n", "two\nlines", "ünïcødé ✓"};
    private static final String[] ODD_IDS = {"tool call", "!!", "ü", "a/b", "x".repeat(80), "tooluse_1", "tooluse-1"};

    @Test
    void everyRandomHistoryComesOutValid() {
        Random random = new Random(SEED);
        for (int i = 0; i < HISTORIES; i++) {
            List<Message> history = randomHistory(random);
            List<Turn> turns;
            try {
                turns = HistoryRepair.repair(history);
                checkInvariants(history, turns);
                assertThat(HistoryRepair.repair(history)).as("repair is deterministic").isEqualTo(turns);
            } catch (AssertionError | RuntimeException e) {
                fail("History " + i + " (seed " + SEED + ") broke the repair:\n" + describe(history), e);
            }
        }
    }

    private static List<Message> randomHistory(Random random) {
        int length = random.nextInt(25);
        List<Message> history = new ArrayList<>(length);
        List<String> callIds = new ArrayList<>();
        for (int m = 0; m < length; m++) {
            String id = "msg_" + m;
            switch (random.nextInt(6)) {
                case 0 -> history.add(new UserMessage(id, T, pick(random, TEXTS)));
                case 1 -> history.add(new AssistantMessage(id, T, pick(random, TEXTS)));
                case 2, 3 -> {
                    String callId = random.nextInt(4) == 0 ? pick(random, ODD_IDS) : "tooluse_" + m;
                    callIds.add(callId);
                    history.add(new ToolCall(callId, T, "tool_" + random.nextInt(3), JsonValue.emptyObject()));
                }
                default -> {
                    String answered = callIds.isEmpty() || random.nextInt(5) == 0
                            ? "unknown_" + m : callIds.get(random.nextInt(callIds.size()));
                    ToolResultStatus status = random.nextBoolean() ? ToolResultStatus.SUCCESS : ToolResultStatus.ERROR;
                    history.add(new ToolResult(id, T, answered, pick(random, TEXTS), status));
                }
            }
        }
        return history;
    }

    private static void checkInvariants(List<Message> history, List<Turn> turns) {
        if (turns.isEmpty()) {
            assertThat(history).allSatisfy(m -> assertThat(isNonBlankText(m)).isFalse());
            return;
        }
        assertThat(turns.get(0).isUser()).as("starts with the user").isTrue();
        Set<String> toolUseIds = new HashSet<>();
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            if (i > 0) {
                assertThat(turn.speaker()).as("turns alternate").isNotEqualTo(turns.get(i - 1).speaker());
            }
            assertThat(turn.blocks()).isNotEmpty();
            checkOrderWithinTurn(turn);
            List<String> uses = toolUseIdsOf(turn);
            uses.forEach(id -> {
                assertThat(id).matches(SAFE_ID);
                assertThat(toolUseIds.add(id)).as("tool use id %s is unique", id).isTrue();
            });
            List<String> answeredHere = turn.isUser() ? resultIdsOf(turn) : List.of();
            List<String> expected = i > 0 && turn.isUser() ? toolUseIdsOf(turns.get(i - 1)) : List.of();
            assertThat(answeredHere).as("a user turn answers exactly the tool uses of the turn before it")
                    .containsExactlyInAnyOrderElementsOf(expected);
            if (!uses.isEmpty()) {
                assertThat(i + 1).as("a tool use is followed by a user turn").isLessThan(turns.size());
            }
        }
        assertThat(textsOf(turns, Turn.Speaker.USER)).as("no user text is lost")
                .containsExactlyElementsOf(nonBlankTexts(history, UserMessage.class));
        assertThat(textsOf(turns, Turn.Speaker.ASSISTANT)).as("no assistant text is lost")
                .containsExactlyInAnyOrderElementsOf(nonBlankTexts(history, AssistantMessage.class));
        assertThat(toolUseIds).as("every tool call is sent")
                .hasSize((int) history.stream().filter(ToolCall.class::isInstance).count());
    }

    private static void checkOrderWithinTurn(Turn turn) {
        boolean seenText = false;
        boolean seenToolUse = false;
        for (Block block : turn.blocks()) {
            boolean text = block instanceof Block.Text;
            if (turn.isUser()) {
                assertThat(block).isNotInstanceOf(Block.ToolUse.class);
                assertThat(text || !seenText).as("results come before text in a user turn").isTrue();
            } else {
                assertThat(block).isNotInstanceOf(Block.ToolResult.class);
                assertThat(!text || !seenToolUse).as("text comes before tool uses in an assistant turn").isTrue();
                seenToolUse |= block instanceof Block.ToolUse;
            }
            seenText |= text;
        }
    }

    private static List<String> toolUseIdsOf(Turn turn) {
        return turn.blocks().stream().filter(Block.ToolUse.class::isInstance)
                .map(b -> ((Block.ToolUse) b).toolUseId()).toList();
    }

    private static List<String> resultIdsOf(Turn turn) {
        return turn.blocks().stream().filter(Block.ToolResult.class::isInstance)
                .map(b -> ((Block.ToolResult) b).toolUseId()).toList();
    }

    private static List<String> textsOf(List<Turn> turns, Turn.Speaker speaker) {
        return turns.stream().filter(t -> t.speaker() == speaker).flatMap(t -> t.blocks().stream())
                .filter(Block.Text.class::isInstance).map(b -> ((Block.Text) b).text())
                .filter(text -> !text.equals(HistoryRepair.MISSING_START)).toList();
    }

    private static List<String> nonBlankTexts(List<Message> history, Class<? extends Message> kind) {
        return history.stream().filter(kind::isInstance).map(Message::text).filter(t -> !t.isBlank()).toList();
    }

    private static boolean isNonBlankText(Message message) {
        return (message instanceof UserMessage || message instanceof AssistantMessage) && !message.text().isBlank();
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String describe(List<Message> history) {
        StringBuilder out = new StringBuilder();
        history.forEach(m -> out.append("  ").append(m.role().wireName()).append(' ').append(m.id()).append(": ")
                .append(m.text().replace("\n", "\\n")).append('\n'));
        return out.toString();
    }
}
