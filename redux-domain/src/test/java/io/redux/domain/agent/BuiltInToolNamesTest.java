package io.redux.domain.agent;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltInToolNamesTest {

    @Test
    void theOriginalNamesBecomeRedux() {
        assertThat(BuiltInToolNames.map("fs_read")).containsExactly("file_read");
        assertThat(BuiltInToolNames.map("fs_write")).containsExactly("file_write");
        assertThat(BuiltInToolNames.map("execute_bash")).containsExactly("execute_bash");
        assertThat(BuiltInToolNames.map("execute_cmd")).containsExactly("execute_bash");
        assertThat(BuiltInToolNames.map("use_aws")).containsExactly("use_aws");
    }

    @Test
    void reduxNamesServerNamesAndWildcardsStay() {
        assertThat(BuiltInToolNames.map("file_read")).containsExactly("file_read");
        assertThat(BuiltInToolNames.map("@git/status")).containsExactly("@git/status");
        assertThat(BuiltInToolNames.map("@builtin")).containsExactly("@builtin");
        assertThat(BuiltInToolNames.map("*")).containsExactly("*");
    }

    @Test
    void aGlobOverTheOriginalNamesNamesReduxTools() {
        assertThat(BuiltInToolNames.map("fs_*")).containsExactly("file_read", "file_write");
    }

    @Test
    void aToolReduxDoesNotHaveMapsToNothing() {
        assertThat(BuiltInToolNames.map("report_issue")).isEmpty();
        assertThat(BuiltInToolNames.map("zz*")).isEmpty();
        assertThat(BuiltInToolNames.mapExact("knowledge")).isEmpty();
        assertThat(BuiltInToolNames.mapExact("fs_read")).contains("file_read");
    }
}
