package io.redux.cli.output;

import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.StopReason;
import io.redux.domain.model.UserMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTranscriptTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aPartialAnswerSaysWhyItIsPartial() {
        String interrupted = render(StopReason.INTERRUPTED);
        String incomplete = render(StopReason.INCOMPLETE);

        assertThat(interrupted).contains("Half an answer\n\n_(interrupted)_");
        assertThat(incomplete).contains("Half an answer\n\n_(incomplete: the answer broke off)_");
    }

    private static String render(StopReason reason) {
        return MarkdownTranscript.render(new Conversation(ConversationId.random(), NOW, NOW,
                ModelId.parse(ModelId.EXAMPLE), null, List.of(new UserMessage("msg_1", NOW, "Tell me"),
                new AssistantMessage("msg_2", NOW, "Half an answer", null, reason)), ConversationMetadata.EMPTY));
    }
}
