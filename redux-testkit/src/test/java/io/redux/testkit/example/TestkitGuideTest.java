package io.redux.testkit.example;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/testkit.md shows the example code of this package as it is compiled and run here. */
class TestkitGuideTest {

    private static final Path GUIDE = Path.of("..", "docs", "testkit.md");
    private static final Path EXAMPLES = Path.of("src/test/java/io/redux/testkit/example");

    @Test
    void theGuideShowsTheApplicationCodeAndItsTestAsTheyAre() throws IOException {
        String guide = Files.readString(GUIDE);

        for (String file : new String[] {"ReleaseNotesWriter.java", "ReleaseNotesWriterTest.java"}) {
            String source = Files.readString(EXAMPLES.resolve(file));
            assertThat(guide).as(file).contains(source.substring(source.indexOf("import ")));
        }
    }
}
