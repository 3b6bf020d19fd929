package io.redux.cli.composition;

import io.redux.cli.CliEnvironment;
import io.redux.cli.composition.Composition.Preparation;
import io.redux.cli.conversations.ConversationsCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CompositionTest {

    @Test
    void everyCommandThatRunsStartsItsObjectGraphAheadAndOnlyThoseThatCallAwsTheirRegionMetadata(
            @TempDir Path home) {
        try (Composition composition = new Composition(environment(home))) {
            assertThat(composition.prepareFor("chat")).containsExactlyInAnyOrder(Preparation.OBJECT_GRAPH,
                    Preparation.AWS_REGION_METADATA, Preparation.JSON_MAPPER);
            assertThat(composition.prepareFor("whoami")).containsExactlyInAnyOrder(Preparation.OBJECT_GRAPH,
                    Preparation.AWS_REGION_METADATA);
            assertThat(composition.prepareFor("conversations")).containsExactly(Preparation.OBJECT_GRAPH);
            assertThat(composition.prepareFor(null)).isEmpty();
        }
    }

    @Test
    void theCommandsAreMadeFromTheGraphBuiltAhead(@TempDir Path home) throws Exception {
        try (Composition composition = new Composition(environment(home))) {
            composition.prepareFor("conversations");

            assertThat(composition.commandFactory().create(ConversationsCommand.class)).isNotNull();
        }
    }

    @Test
    void withoutAHeadStartTheFirstCommandMadeBuildsTheGraph(@TempDir Path home) throws Exception {
        try (Composition composition = new Composition(environment(home))) {
            assertThat(composition.commandFactory().create(ConversationsCommand.class)).isNotNull();
            assertThat(composition.commandFactory().create(ConversationsCommand.class)).isNotNull();
        }
    }

    private static CliEnvironment environment(Path home) {
        return new CliEnvironment(Map.of(), home, home, InputStream.nullInputStream(),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false);
    }
}
