package io.redux.domain.tool;

import io.redux.domain.json.JsonValue;
import io.redux.domain.port.ToolSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Trusting a server's tools by the original CLI's names: {@code @server} and {@code @server/tool}. */
class TrustPatternTest {

    private static final Path HERE = Path.of("/work");

    private final Tool search = serverTool("jira", "search_issues");

    @Test
    void aServerToolIsTrustedByItsQualifiedName() {
        assertThat(policy("@jira/search_issues").trusts(search)).isTrue();
    }

    @Test
    void aServerToolIsTrustedByItsServersName() {
        assertThat(policy("@jira").trusts(search)).isTrue();
    }

    @Test
    void anotherServerOrToolTrustsNothing() {
        assertThat(policy("@confluence").trusts(search)).isFalse();
        assertThat(policy("@jira/create_issue").trusts(search)).isFalse();
        assertThat(policy("search_issues").trusts(search)).isFalse();
        assertThat(policy("@jira/").trusts(search)).isFalse();
    }

    @Test
    void aServerToolTrustedForTheSessionByTheNameTheModelCallsItIsTrusted() {
        ToolPolicy policy = ToolPolicy.defaults(HERE);

        policy.trust("jira___search_issues");

        assertThat(policy.trusts(search)).isTrue();
    }

    @Test
    void untrustingTheToolWinsOverTrustingItsServer() {
        ToolPolicy policy = policy("@jira");

        policy.untrust("@jira/search_issues");

        assertThat(policy.trusts(search)).isFalse();
        assertThat(policy.trusts(serverTool("jira", "create_issue"))).isTrue();
    }

    @Test
    void trustingEveryToolTrustsAServersTool() {
        assertThat(new ToolPolicy(HERE, true, Set.of()).trusts(search)).isTrue();
    }

    @Test
    void aBuiltInToolIsStillTrustedByItsName() {
        Tool builtIn = tool("file_write", List.of("file_write"));

        assertThat(policy("file_write").trusts(builtIn)).isTrue();
        assertThat(policy("@file_write").trusts(builtIn)).isFalse();
    }

    @Test
    void onlyNamesStartingWithAnAtNameServerTools() {
        assertThat(new TrustPattern("@jira").namesServerTools()).isTrue();
        assertThat(new TrustPattern("file_read").namesServerTools()).isFalse();
    }

    @Test
    void aStarMatchesAnyRunOfCharactersAndAQuestionMarkOne() {
        Tool write = tool("file_write", List.of("file_write"));

        assertThat(policy("file_*").trusts(write)).isTrue();
        assertThat(policy("file_writ?").trusts(write)).isTrue();
        assertThat(policy("file_wri?").trusts(write)).isFalse();
        assertThat(policy("exec*").trusts(write)).isFalse();
    }

    @Test
    void globsMatchAServerAndItsTools() {
        assertThat(policy("@jira/search_*").trusts(search)).isTrue();
        assertThat(policy("@ji*/search_issues").trusts(search)).isTrue();
        assertThat(policy("@ji*").trusts(search)).isTrue();
        assertThat(policy("@jira/create_*").trusts(search)).isFalse();
        assertThat(policy("@conf*").trusts(search)).isFalse();
    }

    @Test
    void aBuiltInGlobNeverTrustsAServerToolWhoseModelNameItMatches() {
        Tool delete = serverTool("file", "delete");

        assertThat(policy("file_*").trusts(delete)).isFalse();
        assertThat(policy("file___delete").trusts(delete)).isTrue();
    }

    @Test
    void aGlobsOtherCharactersAreLiteral() {
        Tool dotted = tool("a.b", List.of("a.b"));

        assertThat(policy("a.*").trusts(dotted)).isTrue();
        assertThat(policy("a.*").trusts(tool("axb", List.of("axb")))).isFalse();
    }

    @Test
    void atBuiltinNamesEveryBuiltInToolAndNoServerTool() {
        assertThat(policy(TrustPattern.BUILTIN).trusts(tool("execute_bash", List.of("execute_bash")))).isTrue();
        assertThat(policy(TrustPattern.BUILTIN).trusts(search)).isFalse();
    }

    private static ToolPolicy policy(String trusted) {
        return new ToolPolicy(HERE, false, Set.of(trusted));
    }

    private static Tool serverTool(String server, String tool) {
        return tool(server + "___" + tool, List.of("@" + server + "/" + tool, "@" + server));
    }

    private static Tool tool(String name, List<String> trustNames) {
        return new Tool() {
            @Override
            public ToolSpec spec() {
                return new ToolSpec(name, "test", JsonValue.emptyObject());
            }

            @Override
            public List<String> trustNames() {
                return trustNames;
            }

            @Override
            public ToolOutput run(JsonValue.JsonObject arguments) {
                return ToolOutput.success("ran");
            }
        };
    }
}
