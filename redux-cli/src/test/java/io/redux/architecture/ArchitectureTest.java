package io.redux.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules of docs/architecture.md ("Rules, enforced"), one field a rule, run over every module's production classes.
 * It lives in redux-cli because only this module's test class path sees every module (redux-bench aside, which
 * nothing may see). {@link ArchitectureRulesTest} shows each rule failing on a class that breaks it, and a rule that
 * matches no class fails (ArchUnit's default, {@code archRule.failOnEmptyShould}), so none passes by checking nothing.
 */
@AnalyzeClasses(packages = "io.redux", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String DOMAIN = "io.redux.domain..";
    static final String TOOLS = "io.redux.tools..";
    static final String AWS = "io.redux.aws..";
    static final String JSON_STORAGE = "io.redux.storage.json..";
    static final String MIGRATION = "io.redux.storage.migration..";
    static final String MCP = "io.redux.mcp..";
    /** The testkit's MCP stub server, built on the SDK's server side. */
    static final String TESTKIT_MCP_STUB = "io.redux.testkit.mcp..";
    static final String S3_STORAGE = "io.redux.storage.s3..";
    /** What the AWS adapter shares with the S3 store: proxies, the CA bundle, the HTTP client, the credentials bridge. */
    static final String AWS_NETWORK = "io.redux.aws.http..";
    static final String CLI = "io.redux.cli..";
    static final String COMPOSITION = "io.redux.cli.composition..";
    static final String TESTKIT = "io.redux.testkit..";
    static final String BENCH = "io.redux..bench..";
    /** Everything that is not one of our modules: a rule about our modules says nothing of the JDK or a library. */
    private static final DescribedPredicate<JavaClass> NOT_OURS =
            resideOutsideOfPackage("io.redux..");

    @ArchTest
    static final ArchRule domain_depends_on_nothing_but_the_jdk = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the domain is pure Java: no Jackson, Guice, jakarta.inject or AWS");

    @ArchTest
    static final ArchRule domain_neither_starts_processes_nor_touches_the_file_system = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class, Process.class, Files.class,
                    FileSystem.class, FileSystems.class, FileChannel.class, FileInputStream.class,
                    FileOutputStream.class, FileReader.class, FileWriter.class, RandomAccessFile.class)
            .orShould().callMethodWhere(DescribedPredicate.describe("Runtime.exec", ArchitectureTest::isRuntimeExec))
            .because("among the chat's parts only the tools adapter runs processes and opens files; the domain may hold"
                    + " a Path as a value");

    @ArchTest
    static final ArchRule tools_depend_on_the_domain_only = classes()
            .that().resideInAPackage(TOOLS)
            .should().onlyDependOnClassesThat().resideInAnyPackage(TOOLS, DOMAIN, "java..")
            .because("the built-in tools are pure Java file and process I/O behind the domain's tool port");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_the_chat_use_case = noClasses()
            .that().resideInAnyPackage(TOOLS, AWS, JSON_STORAGE, MIGRATION, S3_STORAGE)
            .should().dependOnClassesThat().resideInAPackage("io.redux.domain.chat..")
            .because("adapters implement ports; a gateway maps history with io.redux.domain.history");

    @ArchTest
    static final ArchRule aws_adapter_depends_on_no_module_but_the_domain = classes()
            .that().resideInAPackage(AWS)
            .should().onlyDependOnClassesThat(resideInAnyPackage(AWS, DOMAIN).or(NOT_OURS))
            .because("an adapter never depends on another adapter, the CLI or the testkit");

    @ArchTest
    static final ArchRule json_storage_depends_on_no_module_but_the_domain = classes()
            .that().resideInAPackage(JSON_STORAGE)
            .should().onlyDependOnClassesThat(resideInAnyPackage(JSON_STORAGE, DOMAIN).or(NOT_OURS))
            .because("an adapter never depends on another adapter, the CLI or the testkit");

    @ArchTest
    static final ArchRule migration_depends_on_no_module_but_the_domain = classes()
            .that().resideInAPackage(MIGRATION)
            .should().onlyDependOnClassesThat(resideInAnyPackage(MIGRATION, DOMAIN).or(NOT_OURS))
            .because("the migration writes through the ConversationRepository port, never the JSON adapter");

    @ArchTest
    static final ArchRule mcp_adapter_depends_on_no_module_but_the_domain = classes()
            .that().resideInAPackage(MCP)
            .should().onlyDependOnClassesThat(resideInAnyPackage(MCP, DOMAIN).or(NOT_OURS))
            .because("an adapter never depends on another adapter, the CLI or the testkit");

    @ArchTest
    static final ArchRule mcp_sdk_is_used_only_by_the_mcp_adapter = noClasses()
            .that().resideOutsideOfPackages(MCP, TESTKIT_MCP_STUB)
            .should().dependOnClassesThat().resideInAPackage("io.modelcontextprotocol..")
            .because("the MCP adapter is the one place that knows the MCP SDK (the testkit's MCP stub uses its "
                    + "server side); the domain and the commands see tools");

    @ArchTest
    static final ArchRule s3_storage_depends_on_the_domain_the_json_codec_and_the_aws_network_only = classes()
            .that().resideInAPackage(S3_STORAGE)
            .should().onlyDependOnClassesThat(resideInAnyPackage(S3_STORAGE, DOMAIN, JSON_STORAGE, AWS_NETWORK)
                    .or(NOT_OURS))
            .because("the S3 store shares the one JSON codec and the network plumbing of AWS calls, and no other"
                    + " adapter's parts (never the model calls, the CLI or the testkit)");

    @ArchTest
    static final ArchRule aws_sdk_is_used_only_by_the_aws_adapter = noClasses()
            .that().resideOutsideOfPackages(AWS, S3_STORAGE)
            .should().dependOnClassesThat().resideInAPackage("software.amazon..")
            .because("the AWS adapter and the S3 store are the places that know the SDK");

    @ArchTest
    static final ArchRule testkit_stubs_speak_the_wire_not_the_sdk = noClasses()
            .that().resideInAPackage(TESTKIT)
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "io.netty..")
            .because("a stub that used the SDK would test the SDK against itself, not against what AWS sends");

    @ArchTest
    static final ArchRule testkit_builds_on_the_domain_only = classes()
            .that().resideInAPackage(TESTKIT)
            .should().onlyDependOnClassesThat(resideInAnyPackage(TESTKIT, DOMAIN).or(NOT_OURS))
            .because("the testkit's fakes and contracts serve every adapter, so it depends on none");

    @ArchTest
    static final ArchRule picocli_guice_and_jline_are_used_only_by_the_cli = noClasses()
            .that().resideOutsideOfPackage(CLI)
            .should().dependOnClassesThat()
            .resideInAnyPackage("picocli..", "com.google.inject..", "jakarta.inject..", "org.jline..")
            .because("the domain and the adapters are a library built with constructors, without the command line");

    @ArchTest
    static final ArchRule only_the_composition_root_knows_guice = noClasses()
            .that().resideInAPackage(CLI).and().resideOutsideOfPackage(COMPOSITION)
            .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
            .because("commands declare what they need with jakarta.inject; io.redux.cli.composition builds it");

    /*
     * The commands are every class of io.redux.cli outside io.redux.cli.composition: the command packages (chat,
     * conversations, models, aws, output...) and the bootstrap classes of io.redux.cli itself (Main, ReduxCli,
     * ErrorReporter, Hints...). The bootstrap classes see the composition root, never an adapter, so no class is
     * excepted by name.
     */
    @ArchTest
    static final ArchRule commands_outside_the_composition_root_reach_adapters_only_through_ports = noClasses()
            .that().resideInAPackage(CLI).and().resideOutsideOfPackage(COMPOSITION)
            .should().dependOnClassesThat().resideInAnyPackage(TOOLS, AWS, JSON_STORAGE, MIGRATION, MCP, S3_STORAGE)
            .because("a command sees the domain's ports; which adapter implements them is the composition root's"
                    + " choice");

    @ArchTest
    static final ArchRule commands_outside_the_composition_root_start_no_processes = noClasses()
            .that().resideInAPackage(CLI).and().resideOutsideOfPackage(COMPOSITION)
            .should().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class, Process.class)
            .orShould().callMethodWhere(DescribedPredicate.describe("Runtime.exec", ArchitectureTest::isRuntimeExec))
            .because("among the chat's parts only the tools adapter runs processes");

    @ArchTest
    static final ArchRule the_cli_never_uses_netty = noClasses()
            .that().resideInAPackage(CLI)
            .should().dependOnClassesThat().resideInAPackage("io.netty..")
            .because("Netty reaches the CLI's class path with the AWS adapter's HTTP client, which the adapter owns");

    @ArchTest
    static final ArchRule nothing_depends_on_the_cli = noClasses()
            .that().resideOutsideOfPackage(CLI)
            .should().dependOnClassesThat().resideInAPackage(CLI)
            .because("the CLI is the outermost layer");

    @ArchTest
    static final ArchRule nothing_depends_on_the_benchmarks = noClasses()
            .should().dependOnClassesThat().resideInAPackage(BENCH)
            .because("redux-bench is not shipped; it depends on every module, so Maven also refuses a dependency on it"
                    + " as a cycle");

    @ArchTest
    static final ArchRule every_class_lives_in_a_module_package = classes()
            .that().resideInAPackage("io.redux..")
            .should().resideInAnyPackage(DOMAIN, TOOLS, AWS, JSON_STORAGE, MIGRATION, MCP, S3_STORAGE, CLI, TESTKIT)
            .because("the rules above name the module packages; a class elsewhere would escape them");

    private static boolean isRuntimeExec(JavaMethodCall call) {
        return call.getTargetOwner().isEquivalentTo(Runtime.class) && call.getName().equals("exec");
    }
}
