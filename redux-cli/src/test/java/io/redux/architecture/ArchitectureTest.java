package io.redux.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.redux.domain.violation.DomainClassUsingJackson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks every module's production classes (this module's test classpath sees them all) against
 * {@link ArchitectureRules}. A rule over an empty set of classes fails, so every rule checks real code.
 */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.redux");
    }

    @Test
    void domainDependsOnNothingButTheJdk() {
        ArchitectureRules.domain_depends_on_nothing_but_the_jdk.check(production);
    }

    @Test
    void toolsDependOnTheDomainOnly() {
        ArchitectureRules.tools_depend_on_the_domain_only.check(production);
    }

    @Test
    void adaptersDoNotDependOnTheChatUseCase() {
        ArchitectureRules.adapters_do_not_depend_on_the_chat_use_case.check(production);
    }

    @Test
    void awsAdapterDependsOnNoOtherAdapter() {
        ArchitectureRules.aws_adapter_depends_on_no_other_adapter.check(production);
    }

    @Test
    void jsonStorageDependsOnNoOtherAdapter() {
        ArchitectureRules.json_storage_depends_on_no_other_adapter.check(production);
    }

    @Test
    void migrationWritesThroughThePortNotTheJsonAdapter() {
        ArchitectureRules.migration_writes_through_the_port_not_the_json_adapter.check(production);
    }

    @Test
    void awsSdkIsUsedOnlyByTheAwsAdapter() {
        ArchitectureRules.aws_sdk_is_used_only_by_the_aws_adapter.check(production);
    }

    @Test
    void picocliGuiceAndJlineAreUsedOnlyByTheCli() {
        ArchitectureRules.picocli_guice_and_jline_are_used_only_by_the_cli.check(production);
    }

    @Test
    void nothingDependsOnTheCli() {
        ArchitectureRules.nothing_depends_on_the_cli.check(production);
    }

    @Test
    void testkitBuildsOnTheDomainOnly() {
        ArchitectureRules.testkit_builds_on_the_domain_only.check(production);
    }

    @Test
    void everyClassLivesInAModulePackage() {
        ArchitectureRules.every_class_lives_in_a_module_package.check(production);
    }

    @Test
    void theDomainRuleCatchesAnImportOfJackson() {
        JavaClasses violating = new ClassFileImporter().importClasses(DomainClassUsingJackson.class);

        assertThat(evaluate(ArchitectureRules.domain_depends_on_nothing_but_the_jdk, violating)).contains("com.fasterxml.jackson");
    }

    @Test
    void theCliRuleCatchesGuiceOutsideTheCli() {
        JavaClasses violating = new ClassFileImporter().importClasses(DomainClassUsingJackson.class);

        assertThat(evaluate(ArchitectureRules.picocli_guice_and_jline_are_used_only_by_the_cli, violating)).contains("com.google.inject");
    }

    private static String evaluate(ArchRule rule, JavaClasses classes) {
        return rule.evaluate(classes).getFailureReport().toString();
    }
}
