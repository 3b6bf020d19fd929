package io.redux.cli.embedding;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Maven coordinates the README and docs/embedding.md give an application: they must bring every module the
 * documented program imports, at the version this build makes, through the BOM, which lists every module.
 */
class LibraryCoordinatesTest {

    private static final Path ROOT = Path.of("..");
    private static final Path PROGRAM = Path.of("src/test/java/io/redux/cli/embedding/AskOnce.java");
    /** Which module a package of ours comes from. */
    private static final Map<String, String> MODULE_OF_PACKAGE = Map.of(
            "io.redux.domain", "redux-domain",
            "io.redux.tools", "redux-tools",
            "io.redux.aws", "redux-aws-adapter",
            "io.redux.storage.json", "redux-storage-json",
            "io.redux.storage.migration", "redux-storage-sqlite-migration",
            "io.redux.testkit", "redux-testkit");

    @Test
    void theReadmeGivesEveryModuleTheDocumentedProgramImports() throws IOException {
        assertCoordinatesCompileTheProgram(ROOT.resolve("README.md"));
    }

    @Test
    void theEmbeddingGuideGivesEveryModuleTheDocumentedProgramImports() throws IOException {
        assertCoordinatesCompileTheProgram(ROOT.resolve("docs/embedding.md"));
    }

    /** Every module an application can get: the build's modules but those it never deploys (the benchmarks). */
    @Test
    void theBomListsEveryPublishedModuleOfTheBuild() throws IOException {
        List<String> modules = all(Pattern.compile("<module>([^<]+)</module>"), Files.readString(ROOT.resolve("pom.xml")));
        String bom = Files.readString(ROOT.resolve("redux-bom/pom.xml"));

        assertThat(modules).contains("redux-bom");
        assertThat(all(Pattern.compile("<artifactId>([^<]+)</artifactId>"), bom))
                .containsAll(modules.stream().filter(module -> !module.equals("redux-bom"))
                        .filter(LibraryCoordinatesTest::published).toList());
        assertThat(all(Pattern.compile("<artifactId>([^<]+)</artifactId>"), bom))
                .doesNotContainAnyElementsOf(modules.stream().filter(module -> !published(module)).toList());
    }

    private static boolean published(String module) {
        try {
            return !Files.readString(ROOT.resolve(module).resolve("pom.xml"))
                    .contains("<maven.deploy.skip>true</maven.deploy.skip>");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertCoordinatesCompileTheProgram(Path document) throws IOException {
        String snippet = mavenSnippet(Files.readString(document));
        String rootPom = Files.readString(ROOT.resolve("pom.xml"));
        String version = first(Pattern.compile("<artifactId>redux-parent</artifactId>\\s*<version>([^<]+)</version>"),
                rootPom);
        String slf4jVersion = first(Pattern.compile("<slf4j.version>([^<]+)</slf4j.version>"), rootPom);

        assertThat(snippet).as(document + ": the BOM, imported at this build's version").containsPattern(
                "<artifactId>redux-bom</artifactId>\\s*<version>" + Pattern.quote(version)
                        + "</version>\\s*<type>pom</type>\\s*<scope>import</scope>");
        assertThat(all(Pattern.compile("<artifactId>([^<]+)</artifactId>"), snippet)).as(document.toString())
                .containsAll(modulesImportedBy(Files.readString(PROGRAM)));
        assertThat(snippet).as(document + ": an SLF4J 2 provider, so SLF4J prints no warning")
                .containsPattern("<artifactId>slf4j-nop</artifactId>\\s*(<!--[^>]*-->\\s*)?<version>"
                        + Pattern.quote(slf4jVersion) + "</version>");
    }

    private static List<String> modulesImportedBy(String program) {
        return all(Pattern.compile("(?m)^import (io\\.redux\\.[a-z.]+)\\.[A-Z]"), program).stream()
                .map(imported -> MODULE_OF_PACKAGE.entrySet().stream()
                        .filter(entry -> imported.equals(entry.getKey()) || imported.startsWith(entry.getKey() + "."))
                        .map(Map.Entry::getValue).findFirst()
                        .orElseThrow(() -> new AssertionError("no module known for " + imported)))
                .distinct().collect(Collectors.toList());
    }

    /** The document's Maven snippet: its one xml code block holding a dependency on a Redux module. */
    private static String mavenSnippet(String document) {
        List<String> blocks = all(Pattern.compile("(?s)```xml\\n(.*?)```"), document).stream()
                .filter(block -> block.contains("<groupId>io.redux</groupId>")).toList();
        assertThat(blocks).hasSize(1);
        return blocks.get(0);
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern.pattern()).isTrue();
        return matcher.group(1);
    }

    private static List<String> all(Pattern pattern, String text) {
        return pattern.matcher(text).results().map(result -> result.group(1).strip()).toList();
    }
}
