package io.redux.architecture;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rules of docs/architecture.md ("Rules, enforced"), one rule a sentence. */
final class ArchitectureRules {

    static final String DOMAIN = "io.redux.domain..";
    static final String TOOLS = "io.redux.tools..";
    static final String AWS = "io.redux.aws..";
    static final String JSON_STORAGE = "io.redux.storage.json..";
    static final String MIGRATION = "io.redux.storage.migration..";
    static final String CLI = "io.redux.cli..";
    static final String TESTKIT = "io.redux.testkit..";

    static final ArchRule domain_depends_on_nothing_but_the_jdk = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the domain is pure Java: no Jackson, Guice, jakarta.inject or AWS");

    static final ArchRule tools_depend_on_the_domain_only = classes()
            .that().resideInAPackage(TOOLS)
            .should().onlyDependOnClassesThat().resideInAnyPackage(TOOLS, DOMAIN, "java..")
            .because("the built-in tools are pure Java file and process I/O behind the domain's tool port");

    static final ArchRule adapters_do_not_depend_on_the_chat_use_case = noClasses()
            .that().resideInAnyPackage(TOOLS, AWS, JSON_STORAGE, MIGRATION)
            .should().dependOnClassesThat().resideInAPackage("io.redux.domain.chat..")
            .because("adapters implement ports; a gateway maps history with io.redux.domain.history");

    static final ArchRule aws_adapter_depends_on_no_other_adapter = noClasses()
            .that().resideInAPackage(AWS)
            .should().dependOnClassesThat().resideInAnyPackage(TOOLS, JSON_STORAGE, MIGRATION, CLI, TESTKIT);

    static final ArchRule json_storage_depends_on_no_other_adapter = noClasses()
            .that().resideInAPackage(JSON_STORAGE)
            .should().dependOnClassesThat().resideInAnyPackage(TOOLS, AWS, MIGRATION, CLI, TESTKIT);

    static final ArchRule migration_writes_through_the_port_not_the_json_adapter = noClasses()
            .that().resideInAPackage(MIGRATION)
            .should().dependOnClassesThat().resideInAnyPackage(TOOLS, AWS, JSON_STORAGE, CLI, TESTKIT);

    static final ArchRule aws_sdk_is_used_only_by_the_aws_adapter = noClasses()
            .that().resideOutsideOfPackage(AWS)
            .should().dependOnClassesThat().resideInAPackage("software.amazon..")
            .because("the testkit's stubs speak the wire protocol, not the SDK");

    static final ArchRule picocli_guice_and_jline_are_used_only_by_the_cli = noClasses()
            .that().resideOutsideOfPackage(CLI)
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "com.google.inject..", "jakarta.inject..", "org.jline..");

    static final ArchRule nothing_depends_on_the_cli = noClasses()
            .that().resideOutsideOfPackage(CLI)
            .should().dependOnClassesThat().resideInAPackage(CLI)
            .because("the CLI is the outermost layer");

    static final ArchRule testkit_builds_on_the_domain_only = noClasses()
            .that().resideInAPackage(TESTKIT)
            .should().dependOnClassesThat().resideInAnyPackage(TOOLS, AWS, JSON_STORAGE, MIGRATION, CLI);

    static final ArchRule every_class_lives_in_a_module_package = classes()
            .that().resideInAPackage("io.redux..")
            .should().resideInAnyPackage(DOMAIN, TOOLS, AWS, JSON_STORAGE, MIGRATION, CLI, TESTKIT);

    private ArchitectureRules() {
    }
}
