package io.redux.aws.bedrock;

import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Message;
import io.redux.domain.model.ToolCall;
import io.redux.domain.model.ToolResult;
import io.redux.domain.model.UserMessage;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps domain history to a message sequence Bedrock accepts: it starts with a user turn, roles alternate (same-role
 * neighbours are merged), every tool use is answered by its result in the next user turn (a call left without one
 * gets an error result), results that answer no call in the turn before become plain text, and blank text is dropped.
 */
public final class BedrockHistory {

    static final String MISSING_RESULT = "The tool call was not completed; no result was recorded.";
    static final String OPENING = "(The conversation so far.)";

    private BedrockHistory() {
    }

    public static List<software.amazon.awssdk.services.bedrockruntime.model.Message> toBedrock(List<Message> history) {
        List<Turn> turns = merge(history);
        answerToolUses(turns);
        if (!turns.isEmpty() && turns.get(0).role == ConversationRole.ASSISTANT) {
            turns.add(0, new Turn(ConversationRole.USER, ContentBlock.fromText(OPENING)));
        }
        return turns.stream().map(turn -> software.amazon.awssdk.services.bedrockruntime.model.Message.builder()
                .role(turn.role).content(turn.blocks).build()).toList();
    }

    private static List<Turn> merge(List<Message> history) {
        List<Turn> turns = new ArrayList<>();
        for (Message message : history) {
            ContentBlock block = message.accept(new BlockOf());
            if (block == null) {
                continue;
            }
            ConversationRole role = message instanceof UserMessage || message instanceof ToolResult
                    ? ConversationRole.USER : ConversationRole.ASSISTANT;
            if (turns.isEmpty() || turns.get(turns.size() - 1).role != role) {
                turns.add(new Turn(role, block));
            } else {
                turns.get(turns.size() - 1).blocks.add(block);
            }
        }
        return turns;
    }

    /** Gives every tool use its result in the next user turn, and turns stray results into text. */
    private static void answerToolUses(List<Turn> turns) {
        Set<String> open = new LinkedHashSet<>();
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            if (turn.role == ConversationRole.ASSISTANT) {
                open.clear();
                turn.blocks.stream().filter(b -> b.toolUse() != null).forEach(b -> open.add(b.toolUse().toolUseId()));
                boolean nextIsUser = i + 1 < turns.size() && turns.get(i + 1).role == ConversationRole.USER;
                if (!open.isEmpty() && !nextIsUser) {
                    turns.add(i + 1, new Turn(ConversationRole.USER));
                }
                continue;
            }
            List<ContentBlock> results = new ArrayList<>();
            List<ContentBlock> others = new ArrayList<>();
            Set<String> answered = new HashSet<>();
            for (ContentBlock block : turn.blocks) {
                ToolResultBlock result = block.toolResult();
                if (result == null) {
                    others.add(block);
                } else if (open.contains(result.toolUseId()) && answered.add(result.toolUseId())) {
                    results.add(block);
                } else {
                    others.add(ContentBlock.fromText("Tool result for " + result.toolUseId() + ": "
                            + result.content().get(0).text()));
                }
            }
            for (String id : open) {
                if (!answered.contains(id)) {
                    results.add(errorResult(id));
                }
            }
            open.clear();
            turn.blocks.clear();
            turn.blocks.addAll(results);
            turn.blocks.addAll(others);
        }
    }

    private static ContentBlock errorResult(String toolUseId) {
        return ContentBlock.fromToolResult(ToolResultBlock.builder().toolUseId(toolUseId)
                .content(ToolResultContentBlock.fromText(MISSING_RESULT)).status(ToolResultStatus.ERROR).build());
    }

    private static final class Turn {
        final ConversationRole role;
        final List<ContentBlock> blocks = new ArrayList<>();

        Turn(ConversationRole role, ContentBlock... blocks) {
            this.role = role;
            this.blocks.addAll(List.of(blocks));
        }
    }

    /** The Bedrock block of one message, or null for nothing to send (blank text). */
    private static final class BlockOf implements Message.Visitor<ContentBlock> {
        @Override
        public ContentBlock visitUser(UserMessage message) {
            return text(message.content());
        }

        @Override
        public ContentBlock visitAssistant(AssistantMessage message) {
            return text(message.content());
        }

        @Override
        public ContentBlock visitToolCall(ToolCall message) {
            return ContentBlock.fromToolUse(ToolUseBlock.builder().toolUseId(message.id()).name(message.toolName())
                    .input(Documents.toDocument(message.arguments())).build());
        }

        @Override
        public ContentBlock visitToolResult(ToolResult message) {
            return ContentBlock.fromToolResult(ToolResultBlock.builder().toolUseId(message.toolCallId())
                    .content(ToolResultContentBlock.fromText(message.content().isBlank() ? "(empty)" : message.content()))
                    .status(message.isError() ? ToolResultStatus.ERROR : ToolResultStatus.SUCCESS).build());
        }

        private static ContentBlock text(String text) {
            return text == null || text.isBlank() ? null : ContentBlock.fromText(text);
        }
    }
}
