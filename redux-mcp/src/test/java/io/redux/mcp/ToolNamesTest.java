package io.redux.mcp;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ToolNamesTest {

    private static final Pattern BEDROCK = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

    @Test
    void aValidNameIsTheServerAndToolJoinedByTheOriginalDelimiter() {
        assertThat(ToolNames.forModel("jira", "search-issues")).isEqualTo("jira___search-issues");
    }

    @Test
    void invalidCharactersBecomeUnderscoresAndTheNameGetsAStableHash() {
        String name = ToolNames.forModel("my.server", "get weather");

        assertThat(name).matches(BEDROCK).startsWith("my_server___get_weather_").hasSize(
                "my_server___get_weather_".length() + 8);
        assertThat(ToolNames.forModel("my.server", "get weather")).isEqualTo(name);
    }

    @Test
    void namesThatSanitizeAlikeStayApart() {
        assertThat(ToolNames.forModel("s", "a.b")).isNotEqualTo(ToolNames.forModel("s", "a b"));
    }

    @Test
    void aLongNameIsCutTo64KeepingItUnique() {
        String tool = "t".repeat(100);
        String name = ToolNames.forModel("server", tool);
        String other = ToolNames.forModel("server", tool + "x");

        assertThat(name).matches(BEDROCK).hasSize(64);
        assertThat(other).hasSize(64).isNotEqualTo(name);
    }

    @Test
    void partsThatWouldMakeTheSplitAmbiguousAreHashed() {
        Set<String> names = Set.of(ToolNames.forModel("a_", "_b"), ToolNames.forModel("a", "__b"),
                ToolNames.forModel("a___b", "c"), ToolNames.forModel("a", "b___c"));

        assertThat(names).hasSize(4).allMatch(name -> BEDROCK.matcher(name).matches());
    }

    @Test
    void theNameNeverClashesWithABuiltInTool() {
        assertThat(ToolNames.forModel("file", "read")).isNotEqualTo("file_read");
    }

    @Test
    void aUserTrustsAToolByTheOriginalCliQualifiedName() {
        assertThat(ToolNames.qualified("jira", "search")).isEqualTo("@jira/search");
    }
}
