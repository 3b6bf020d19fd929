package io.redux.testkit;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A contract test a downstream build skips says how to run it, so no test stays skipped unnoticed. */
class ContractSkipReasonTest {

    @Test
    void theUnknownFieldTestNamesTheHooksThatRunIt() {
        InMemoryConversationRepositoryTest contract = new InMemoryConversationRepositoryTest();
        contract.setUpRepository();

        assertThatThrownBy(contract::unknownFieldsSurviveAnAppend)
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("supportsUnknownFieldPreservation()")
                .hasMessageContaining("putUnknownField")
                .hasMessageContaining("readUnknownField")
                .hasMessageContaining("docs/testkit.md");
    }
}
