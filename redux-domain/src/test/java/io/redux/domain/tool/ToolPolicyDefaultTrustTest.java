package io.redux.domain.tool;

import io.redux.domain.json.JsonValue;
import io.redux.domain.port.ToolSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy reads a tool's own default trust; it knows no tool by name. */
class ToolPolicyDefaultTrustTest {

    @TempDir
    Path dir;

    @Test
    void aToolTrustedInsideTheWorkingFolderGetsItWhateverItsName() throws IOException {
        ToolPolicy policy = ToolPolicy.defaults(dir);

        assertThat(policy.trustedFolder(tool("my_reader", DefaultTrust.TRUSTED_INSIDE_WORKING_FOLDER)))
                .contains(dir.toRealPath());
    }

    @Test
    void aToolThatAsksGetsNoFolderEvenUnderTheNameOfABuiltInOne() {
        ToolPolicy policy = ToolPolicy.defaults(dir);

        assertThat(policy.trustedFolder(tool("file_read", DefaultTrust.ASK))).isEmpty();
    }

    @Test
    void aToolAsksByDefault() {
        assertThat(new Tool() {
            @Override
            public ToolSpec spec() {
                return new ToolSpec("plain", "does nothing", JsonValue.emptyObject());
            }

            @Override
            public ToolOutput run(JsonValue.JsonObject arguments) {
                return ToolOutput.success("");
            }
        }.defaultTrust()).isEqualTo(DefaultTrust.ASK);
    }

    @Test
    void untrustingATrustedInsideToolTakesItsFolderAway() {
        ToolPolicy policy = ToolPolicy.defaults(dir);

        policy.untrust("my_reader");

        assertThat(policy.trustedFolder(tool("my_reader", DefaultTrust.TRUSTED_INSIDE_WORKING_FOLDER))).isEmpty();
    }

    @Test
    void aToolJudgingItsArgumentsRunsTheCallsItVouchesForUntilUntrusted() {
        ToolPolicy policy = ToolPolicy.defaults(dir);
        Tool judging = new Tool() {
            @Override
            public ToolSpec spec() {
                return new ToolSpec("judging", "a tool of a test", JsonValue.emptyObject());
            }

            @Override
            public DefaultTrust defaultTrust() {
                return DefaultTrust.JUDGED_BY_ITS_ARGUMENTS;
            }

            @Override
            public boolean runsWithoutAsking(JsonValue.JsonObject arguments) {
                return arguments.get("safe") != null;
            }

            @Override
            public ToolOutput run(JsonValue.JsonObject arguments) {
                return ToolOutput.success("");
            }
        };
        JsonValue safe = new JsonValue.JsonObject(java.util.Map.of("safe", JsonValue.of("yes")));

        assertThat(policy.trustsCall(judging, safe)).isTrue();
        assertThat(policy.trustsCall(judging, JsonValue.emptyObject())).isFalse();
        assertThat(policy.trustsCall(judging, JsonValue.of("not an object"))).isFalse();
        assertThat(policy.trustsCall(tool("judging", DefaultTrust.ASK), safe)).isFalse();
        policy.untrust("judging");
        assertThat(policy.trustsCall(judging, safe)).isFalse();
    }

    private static Tool tool(String name, DefaultTrust trust) {
        return new Tool() {
            @Override
            public ToolSpec spec() {
                return new ToolSpec(name, "a tool of a test", JsonValue.emptyObject());
            }

            @Override
            public DefaultTrust defaultTrust() {
                return trust;
            }

            @Override
            public ToolOutput run(JsonValue.JsonObject arguments) {
                return ToolOutput.success("");
            }
        };
    }
}
