package io.redux.aws;

import io.redux.domain.history.Block;
import io.redux.domain.history.HistoryRepair;
import io.redux.domain.history.Turn;
import io.redux.domain.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

import java.util.List;

/**
 * Maps domain history to Bedrock messages. The domain's {@link HistoryRepair} makes the sequence valid (starts with a
 * user turn, roles alternate, every tool use answered in the next user turn, safe tool-use ids, object inputs);
 * this class only changes the shapes into the SDK's.
 */
final class BedrockHistory {

    private BedrockHistory() {
    }

    public static List<software.amazon.awssdk.services.bedrockruntime.model.Message> toBedrock(List<Message> history) {
        return HistoryRepair.repair(history).stream().map(BedrockHistory::message).toList();
    }

    private static software.amazon.awssdk.services.bedrockruntime.model.Message message(Turn turn) {
        return software.amazon.awssdk.services.bedrockruntime.model.Message.builder()
                .role(turn.isUser() ? ConversationRole.USER : ConversationRole.ASSISTANT)
                .content(turn.blocks().stream().map(block -> block.accept(TO_CONTENT)).toList())
                .build();
    }

    private static final Block.Visitor<ContentBlock> TO_CONTENT = new Block.Visitor<>() {
        @Override
        public ContentBlock visitText(Block.Text text) {
            return ContentBlock.fromText(text.text());
        }

        @Override
        public ContentBlock visitToolUse(Block.ToolUse toolUse) {
            return ContentBlock.fromToolUse(ToolUseBlock.builder().toolUseId(toolUse.toolUseId())
                    .name(toolUse.toolName()).input(Documents.toDocument(toolUse.input())).build());
        }

        @Override
        public ContentBlock visitToolResult(Block.ToolResult result) {
            return ContentBlock.fromToolResult(ToolResultBlock.builder().toolUseId(result.toolUseId())
                    .content(ToolResultContentBlock.fromText(result.content()))
                    .status(result.error() ? ToolResultStatus.ERROR : ToolResultStatus.SUCCESS).build());
        }
    };
}
