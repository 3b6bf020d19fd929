package io.redux.domain.chat;

import io.redux.domain.port.ContextFile;
import io.redux.domain.port.ContextFiles;
import io.redux.domain.port.ContextSelection;
import io.redux.domain.port.ContextSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SessionContextTest {

    /** Patterns match by name only: each pattern here names the files it matches, minus the excluded ones. */
    private static final Map<String, List<String>> FILES = Map.of(
            "AGENTS.md", List.of("AGENTS.md"),
            "docs/*.md", List.of("docs/a.md", "docs/b.md"),
            "docs/a.md", List.of("docs/a.md"));

    private final ContextSource source = selection -> new ContextFiles(selection.include().stream()
            .flatMap(p -> FILES.getOrDefault(p, List.of()).stream())
            .filter(path -> selection.exclude().stream().noneMatch(e -> FILES.getOrDefault(e, List.of()).contains(path)))
            .distinct().map(path -> new ContextFile(path, "text", 4, 0)).toList(), List.of());

    private final SessionContext context = new SessionContext(source, new ContextSelection(List.of("AGENTS.md"),
            List.of()));

    @Test
    void aPatternThatMatchesFilesIsAddedOnce() {
        assertThat(context.add("docs/*.md").files()).extracting(ContextFile::path).containsExactly("docs/a.md", "docs/b.md");
        context.add("docs/*.md");

        assertThat(context.selection().include()).containsExactly("AGENTS.md", "docs/*.md");
        assertThat(context.read().files()).extracting(ContextFile::path)
                .containsExactly("AGENTS.md", "docs/a.md", "docs/b.md");
    }

    @Test
    void aPatternThatMatchesNothingIsNotAdded() {
        assertThat(context.add("nothing/*.md").files()).isEmpty();

        assertThat(context.selection().include()).containsExactly("AGENTS.md");
    }

    @Test
    void removingAnIncludedPatternDropsIt() {
        assertThat(context.remove("AGENTS.md")).isEqualTo(new SessionContext.Removal(true, 0));

        assertThat(context.read().files()).isEmpty();
    }

    @Test
    void removingAFileOfAnIncludedGlobLeavesItOutUntilAddedAgain() {
        context.add("docs/*.md");

        assertThat(context.remove("docs/a.md")).isEqualTo(new SessionContext.Removal(false, 1));
        assertThat(context.read().files()).extracting(ContextFile::path).containsExactly("AGENTS.md", "docs/b.md");

        context.add("docs/a.md");
        assertThat(context.read().files()).extracting(ContextFile::path)
                .containsExactly("AGENTS.md", "docs/a.md", "docs/b.md");
    }

    @Test
    void removingWhatIsNotIncludedChangesNothing() {
        assertThat(context.remove("docs/*.md")).isEqualTo(new SessionContext.Removal(false, 0));

        assertThat(context.selection()).isEqualTo(new ContextSelection(List.of("AGENTS.md"), List.of()));
    }
}
