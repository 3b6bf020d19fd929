package io.redux.cli.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The CLI is thin: it talks to AWS only through the adapter, and only the composition root knows Guice. */
class CliArchitectureTest {

    private static JavaClasses cli;

    @BeforeAll
    static void importTheCli() {
        cli = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.redux.cli");
    }

    // AWS SDK types are kept out of the CLI by ArchitectureRules, which bars them from every package but the
    // adapter's; Netty, which reaches the CLI's classpath with the adapter's HTTP client, is covered only here.
    @Test
    void theCliNeverUsesNettyTypes() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.netty..")
                .check(cli);
    }

    @Test
    void onlyTheCompositionRootKnowsGuice() {
        noClasses().that().resideOutsideOfPackage("io.redux.cli.composition..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..")
                .check(cli);
    }

    @Test
    void commandsReachAwsOnlyThroughAwsAccessAndTheDomainPorts() {
        noClasses().that().resideOutsideOfPackage("io.redux.cli.composition..")
                .should().dependOnClassesThat().resideInAnyPackage("io.redux.aws..")
                .check(cli);
    }
}
