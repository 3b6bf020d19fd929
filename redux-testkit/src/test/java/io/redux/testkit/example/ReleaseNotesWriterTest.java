package io.redux.testkit.example;

import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.model.Message;
import io.redux.testkit.FakeModelGateway;
import io.redux.testkit.InMemoryConversationRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReleaseNotesWriterTest {

    private final InMemoryConversationRepository conversations = new InMemoryConversationRepository();

    @Test
    void theNotesAreTheModelsAnswerAndTheTurnIsStored() {
        FakeModelGateway model = FakeModelGateway.builder().answer("Faster start-up.").build();

        String notes = new ReleaseNotesWriter(conversations, model).notesFor("perf: cache the class data");

        assertThat(notes).isEqualTo("Faster start-up.");
        assertThat(model.lastRequest().history()).extracting(Message::text)
                .containsExactly("Write release notes for:\nperf: cache the class data");
        assertThat(conversations.list().conversations()).hasSize(1);
    }

    @Test
    void aThrottledFirstRequestReachesTheCallerAndLeavesNoConversation() {
        FakeModelGateway model = FakeModelGateway.builder()
                .failure(ModelInvocationException.Reason.THROTTLED).build();

        assertThatThrownBy(() -> new ReleaseNotesWriter(conversations, model).notesFor("fix: typo"))
                .isInstanceOfSatisfying(ModelInvocationException.class,
                        e -> assertThat(e.reason()).isEqualTo(ModelInvocationException.Reason.THROTTLED));
        assertThat(conversations.list().conversations()).isEmpty();
    }
}
