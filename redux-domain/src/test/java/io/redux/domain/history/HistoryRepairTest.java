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
import java.util.List;
import java.util.Map;

import static io.redux.domain.history.Turn.Speaker.ASSISTANT;
import static io.redux.domain.history.Turn.Speaker.USER;
import static org.assertj.core.api.Assertions.assertThat;

class HistoryRepairTest {

    private static final Instant T = Instant.parse("2025-01-09T18:00:00Z");
    private static final JsonValue.JsonObject ARGS = new JsonValue.JsonObject(Map.of("path", JsonValue.of("a.txt")));
    private int next;

    @Test
    void aWellFormedHistoryPassesThroughUnchanged() {
        List<Turn> turns = HistoryRepair.repair(List.of(
                user("Read a.txt"), assistant("Sure."), call("tooluse_1"), result("tooluse_1", "hello"),
                assistant("It says hello."), user("Thanks")));

        assertThat(turns).containsExactly(
                new Turn(USER, List.of(new Block.Text("Read a.txt"))),
                new Turn(ASSISTANT, List.of(new Block.Text("Sure."), new Block.ToolUse("tooluse_1", "file_read", ARGS))),
                new Turn(USER, List.of(new Block.ToolResult("tooluse_1", "hello", false))),
                new Turn(ASSISTANT, List.of(new Block.Text("It says hello."))),
                new Turn(USER, List.of(new Block.Text("Thanks"))));
    }

    @Test
    void anEmptyHistoryGivesNoTurns() {
        assertThat(HistoryRepair.repair(List.of())).isEmpty();
    }

    @Test
    void consecutiveUserMessagesBecomeOneTurn() {
        List<Turn> turns = HistoryRepair.repair(List.of(user("first"), user("second")));

        assertThat(turns).containsExactly(
                new Turn(USER, List.of(new Block.Text("first"), new Block.Text("second"))));
    }

    @Test
    void aHistoryStartingWithTheAssistantGetsAUserNoteFirst() {
        List<Turn> turns = HistoryRepair.repair(List.of(assistant("Hello"), user("Hi")));

        assertThat(turns).extracting(Turn::speaker).containsExactly(USER, ASSISTANT, USER);
        assertThat(turns.get(0).blocks()).containsExactly(new Block.Text(HistoryRepair.MISSING_START));
    }

    @Test
    void aDanglingToolCallIsAnsweredWithAnErrorResult() {
        List<Turn> turns = HistoryRepair.repair(List.of(user("Read it"), call("tooluse_1"), user("Still there?")));

        assertThat(turns.get(2)).isEqualTo(new Turn(USER, List.of(
                new Block.ToolResult("tooluse_1", HistoryRepair.NO_RESULT, true), new Block.Text("Still there?"))));
    }

    @Test
    void aDanglingToolCallAtTheEndIsAnsweredToo() {
        List<Turn> turns = HistoryRepair.repair(List.of(user("Read it"), call("tooluse_1")));

        assertThat(turns).last().isEqualTo(new Turn(USER, List.of(
                new Block.ToolResult("tooluse_1", HistoryRepair.NO_RESULT, true))));
    }

    @Test
    void aResultStoredAfterUserTextMovesBeforeIt() {
        List<Turn> turns = HistoryRepair.repair(List.of(
                user("Read it"), call("tooluse_1"), user("hurry"), result("tooluse_1", "done")));

        assertThat(turns.get(2).blocks()).containsExactly(
                new Block.ToolResult("tooluse_1", "done", false), new Block.Text("hurry"));
    }

    @Test
    void anOrphanResultIsDropped() {
        List<Turn> turns = HistoryRepair.repair(List.of(user("hi"), result("nobody", "lost"), assistant("hello")));

        assertThat(turns).containsExactly(
                new Turn(USER, List.of(new Block.Text("hi"))),
                new Turn(ASSISTANT, List.of(new Block.Text("hello"))));
    }

    @Test
    void aResultAfterALaterAssistantTurnIsDroppedAndTheCallGetsAnError() {
        List<Turn> turns = HistoryRepair.repair(List.of(
                user("hi"), call("tooluse_1"), user("?"), assistant("moving on"), result("tooluse_1", "late")));

        assertThat(turns.get(2).blocks()).containsExactly(
                new Block.ToolResult("tooluse_1", HistoryRepair.NO_RESULT, true), new Block.Text("?"));
        assertThat(turns).hasSize(4);
    }

    @Test
    void aSecondResultForOneCallIsDropped() {
        List<Turn> turns = HistoryRepair.repair(List.of(
                user("hi"), call("tooluse_1"), result("tooluse_1", "one"), result("tooluse_1", "two")));

        assertThat(turns.get(2).blocks()).containsExactly(new Block.ToolResult("tooluse_1", "one", false));
    }

    @Test
    void blankTextsAreDroppedAndTheTurnsAroundThemMerge() {
        List<Turn> turns = HistoryRepair.repair(List.of(user("a"), assistant("  "), user("b"), assistant("")));

        assertThat(turns).containsExactly(new Turn(USER, List.of(new Block.Text("a"), new Block.Text("b"))));
    }

    @Test
    void anEmptyResultGetsAPlaceholderAndKeepsItsErrorStatus() {
        List<Turn> turns = HistoryRepair.repair(List.of(user("hi"), call("tooluse_1"),
                new ToolResult(id(), T, "tooluse_1", "", ToolResultStatus.ERROR)));

        assertThat(turns.get(2).blocks()).containsExactly(
                new Block.ToolResult("tooluse_1", HistoryRepair.EMPTY_RESULT, true));
    }

    @Test
    void assistantTextAfterAToolCallComesBeforeTheToolUse() {
        List<Turn> turns = HistoryRepair.repair(List.of(user("hi"), call("tooluse_1"), assistant("wait")));

        assertThat(turns.get(1).blocks()).containsExactly(
                new Block.Text("wait"), new Block.ToolUse("tooluse_1", "file_read", ARGS));
    }

    @Test
    void idsAModelWouldRefuseAreMadeSafeAndResultsFollowThem() {
        List<Turn> turns = HistoryRepair.repair(List.of(
                user("hi"), call("tool call #1"), result("tool call #1", "ok")));

        assertThat(turns.get(1).blocks()).containsExactly(new Block.ToolUse("tool_call__1", "file_read", ARGS));
        assertThat(turns.get(2).blocks()).containsExactly(new Block.ToolResult("tool_call__1", "ok", false));
    }

    @Test
    void idsThatCollideAfterCleaningStayUnique() {
        List<Turn> turns = HistoryRepair.repair(List.of(
                user("hi"), call("a b"), call("a_b"), result("a b", "1"), result("a_b", "2")));

        assertThat(turns.get(1).blocks()).extracting(b -> ((Block.ToolUse) b).toolUseId())
                .containsExactly("a_b", "a_b_2");
        assertThat(turns.get(2).blocks()).containsExactly(
                new Block.ToolResult("a_b", "1", false), new Block.ToolResult("a_b_2", "2", false));
    }

    @Test
    void aVeryLongIdIsShortenedToSixtyFourCharacters() {
        String longId = "x".repeat(100);

        List<Turn> turns = HistoryRepair.repair(List.of(user("hi"), call(longId), result(longId, "ok")));

        assertThat(((Block.ToolUse) turns.get(1).blocks().get(0)).toolUseId()).hasSize(64);
        assertThat(turns.get(2).blocks()).hasSize(1);
    }

    @Test
    void toolInputThatIsNotAnObjectIsWrappedInOne() {
        List<Turn> turns = HistoryRepair.repair(List.of(user("hi"),
                new ToolCall("tooluse_1", T, "file_read", JsonValue.of("a.txt")), result("tooluse_1", "ok")));

        assertThat(turns.get(1).blocks()).containsExactly(new Block.ToolUse("tooluse_1", "file_read",
                new JsonValue.JsonObject(Map.of("arguments", JsonValue.of("a.txt")))));
    }

    private String id() {
        return "msg_" + ++next;
    }

    private Message user(String text) {
        return new UserMessage(id(), T, text);
    }

    private Message assistant(String text) {
        return new AssistantMessage(id(), T, text);
    }

    private Message call(String callId) {
        return new ToolCall(callId, T, "file_read", ARGS);
    }

    private Message result(String callId, String content) {
        return new ToolResult(id(), T, callId, content, ToolResultStatus.SUCCESS);
    }
}
