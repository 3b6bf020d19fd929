package io.redux.cli.conversations;

import io.redux.domain.error.ConversationsFolderException;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.UserMessage;
import io.redux.testkit.ConversationRepositoryContract;
import io.redux.testkit.FailingConversationRepository;
import io.redux.testkit.InMemoryConversationRepository;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@code conversations import} copies, and what it never overwrites. */
class ConversationCopierTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final InMemoryConversationRepository local = new InMemoryConversationRepository();
    private final InMemoryConversationRepository shared = new InMemoryConversationRepository();

    private static Conversation conversation(int messages) {
        return ConversationRepositoryContract.withMessages(ConversationId.random(), T0.plusSeconds(messages), messages);
    }

    @Test
    void aConversationMissingThereIsCopiedOnceAndThenSkipped() {
        Conversation conversation = conversation(2);
        local.create(conversation);

        ConversationCopier.Outcome first = ConversationCopier.copy(local, shared);
        ConversationCopier.Outcome second = ConversationCopier.copy(local, shared);

        assertThat(first).isEqualTo(new ConversationCopier.Outcome(1, 0, List.of()));
        assertThat(second).isEqualTo(new ConversationCopier.Outcome(0, 1, List.of()));
        assertThat(shared.load(conversation.id())).isEqualTo(conversation);
    }

    @Test
    void aLocalCopyThatContinuesTheSharedOneBringsItUpToDate() {
        Conversation older = conversation(2);
        Conversation continued = older.append(new UserMessage("m2", T0.plusSeconds(60), "and then?"));
        shared.create(older);
        local.create(continued);

        ConversationCopier.Outcome outcome = ConversationCopier.copy(local, shared);

        assertThat(outcome.copied()).isEqualTo(1);
        assertThat(shared.load(older.id())).isEqualTo(continued);
    }

    @Test
    void aSharedOneThatIsNewerOrDifferentIsNeverOverwritten() {
        Conversation base = conversation(2);
        Conversation newerThere = base.append(new AssistantMessage("there", T0.plusSeconds(60), "continued there"));
        Conversation other = conversation(3);
        Conversation otherDiverged = new Conversation(other.id(), other.createdAt(), other.updatedAt().plusSeconds(1),
                other.modelId(), other.region(), List.of(new UserMessage("x", T0, "another start")),
                other.metadata());
        shared.create(newerThere);
        local.create(base);
        shared.create(other);
        local.create(otherDiverged);

        ConversationCopier.Outcome outcome = ConversationCopier.copy(local, shared);

        assertThat(outcome).isEqualTo(new ConversationCopier.Outcome(0, 2, List.of()));
        assertThat(shared.load(base.id())).isEqualTo(newerThere);
        assertThat(shared.load(other.id())).isEqualTo(other);
    }

    @Test
    void aTargetStoreThatIsUnusableAsAWholeStopsTheCopyAtTheFirstConversation() {
        local.create(conversation(2));
        local.create(conversation(3));
        FailingConversationRepository missingBucket = new FailingConversationRepository(
                () -> new ConversationsFolderException("S3 bucket gone does not exist"));

        // One line for the store, not the same line once per conversation.
        assertThatThrownBy(() -> ConversationCopier.copy(local, missingBucket))
                .isInstanceOf(ConversationsFolderException.class).hasMessage("S3 bucket gone does not exist");
        assertThat(missingBucket.calls()).isEqualTo(1);
    }
}
