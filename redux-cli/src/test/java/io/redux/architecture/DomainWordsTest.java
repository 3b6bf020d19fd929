package io.redux.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domain never speaks the command line's words (the command, its options, its variables): it says what went
 * wrong, and the CLI's {@code Hints} add what to type next. Read from the sources, so a comment counts too.
 */
class DomainWordsTest {

    private static final Path DOMAIN_SOURCES = Path.of("../redux-domain/src/main/java");
    private static final Pattern CLI_WORDS = Pattern.compile("redux_cli|--[a-z]|REDUX_");

    @Test
    void theDomainSourcesNameNoCommandOptionOrVariable() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(DOMAIN_SOURCES)) {
            sources = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        for (Path file : sources) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (CLI_WORDS.matcher(lines.get(i)).find()) {
                    found.add(DOMAIN_SOURCES.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }

        assertThat(sources).isNotEmpty();
        assertThat(found).isEmpty();
    }
}
