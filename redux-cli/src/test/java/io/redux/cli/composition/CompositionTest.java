package io.redux.cli.composition;

import io.redux.cli.CliEnvironment;
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
    void onlyTheCommandsThatCallAwsStartLoadingItsMetadataAhead(@TempDir Path home) {
        CliEnvironment environment = new CliEnvironment(Map.of(), home, home, InputStream.nullInputStream(),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false);
        try (Composition composition = new Composition(environment)) {
            assertThat(composition.prepareFor("chat")).isTrue();
            assertThat(composition.prepareFor("whoami")).isTrue();
            assertThat(composition.prepareFor("conversations")).isFalse();
            assertThat(composition.prepareFor("chta")).isFalse();
            assertThat(composition.prepareFor(null)).isFalse();
        }
    }
}
