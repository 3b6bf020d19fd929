package io.redux.storage.migration;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class MigrationArchitectureTest {

    /** The module's main classes, read from its own output folder rather than by scanning every jar. */
    private static final JavaClasses MIGRATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(Path.of("target/classes"));

    @Test
    void migration_writes_only_through_the_domain_port_never_through_another_adapter() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.redux.storage.json..", "io.redux.aws..", "io.redux.cli..", "io.redux.testkit..")
                .check(MIGRATION);
    }

    @Test
    void migration_uses_no_aws_sdk_picocli_guice_or_jline() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "picocli..", "com.google.inject..", "org.jline..")
                .check(MIGRATION);
    }
}
