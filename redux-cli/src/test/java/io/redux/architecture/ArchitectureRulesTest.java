package io.redux.architecture;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.redux.aws.violation.GatewayUsingJsonStorage;
import io.redux.cli.violation.CommandStartingAProcess;
import io.redux.cli.violation.CommandUsingGuice;
import io.redux.cli.violation.CommandUsingNetty;
import io.redux.cli.violation.CommandUsingTheMcpSdk;
import io.redux.cli.violation.CommandUsingTheAwsAdapter;
import io.redux.domain.violation.DomainClassHoldingAPath;
import io.redux.domain.violation.DomainClassReadingAFile;
import io.redux.domain.violation.DomainClassStartingAProcess;
import io.redux.domain.violation.DomainClassUsingABenchmark;
import io.redux.domain.violation.DomainClassUsingJackson;
import io.redux.domain.violation.DomainClassUsingTheCli;
import io.redux.mcp.violation.McpUsingTheAwsAdapter;
import io.redux.storage.json.violation.StorageUsingTheTestkit;
import io.redux.storage.migration.violation.MigrationUsingJsonStorage;
import io.redux.storage.s3.violation.S3StoreUsingTheModelGateway;
import io.redux.testkit.violation.StubUsingTheSdk;
import io.redux.testkit.violation.TestkitUsingTheAwsAdapter;
import io.redux.tools.violation.ToolUsingJackson;
import io.redux.tools.violation.ToolUsingTheChat;
import io.redux.violation.ClassOutsideTheModules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each rule of {@link ArchitectureTest} fails on a class that breaks it (the fixtures of the {@code violation}
 * packages, test code only), so a rule that could not fail would show here. Each failure must name what broke the
 * rule: a rule that failed only for matching no class would not.
 */
class ArchitectureRulesTest {

    @Test
    void aDomainClassImportingJacksonBreaksTheDomainRule() {
        assertThat(failureOf(ArchitectureTest.domain_depends_on_nothing_but_the_jdk, DomainClassUsingJackson.class))
                .contains("com.fasterxml.jackson.databind.ObjectMapper");
    }

    @Test
    void aDomainClassReadingAFileBreaksTheRuleThatOnlyToolsTouchFiles() {
        assertThat(failureOf(ArchitectureTest.domain_neither_starts_processes_nor_touches_the_file_system,
                DomainClassReadingAFile.class)).contains("java.nio.file.Files");
    }

    @Test
    void aDomainClassCallingRuntimeExecBreaksTheRuleThatOnlyToolsStartProcesses() {
        assertThat(failureOf(ArchitectureTest.domain_neither_starts_processes_nor_touches_the_file_system,
                DomainClassStartingAProcess.class)).contains("java.lang.Runtime.exec");
    }

    @Test
    void aDomainClassHoldingAPathKeepsTheRuleThatOnlyToolsTouchFiles() {
        EvaluationResult result = ArchitectureTest.domain_neither_starts_processes_nor_touches_the_file_system
                .evaluate(new ClassFileImporter().importClasses(DomainClassHoldingAPath.class));

        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }

    @Test
    void aToolImportingJacksonBreaksTheToolsRule() {
        assertThat(failureOf(ArchitectureTest.tools_depend_on_the_domain_only, ToolUsingJackson.class))
                .contains("com.fasterxml.jackson.databind.ObjectMapper");
    }

    @Test
    void aToolUsingTheChatBreaksTheRuleThatAdaptersStayOutOfTheChatUseCase() {
        assertThat(failureOf(ArchitectureTest.adapters_do_not_depend_on_the_chat_use_case, ToolUsingTheChat.class))
                .contains("io.redux.domain.chat.Chat");
    }

    @Test
    void anAwsClassUsingTheJsonStorageBreaksTheAwsAdapterRule() {
        assertThat(failureOf(ArchitectureTest.aws_adapter_depends_on_no_module_but_the_domain,
                GatewayUsingJsonStorage.class)).contains("io.redux.storage.json.JsonConversationRepository");
    }

    @Test
    void aStorageClassUsingTheTestkitBreaksTheJsonStorageRule() {
        assertThat(failureOf(ArchitectureTest.json_storage_depends_on_no_module_but_the_domain,
                StorageUsingTheTestkit.class)).contains("io.redux.testkit.InMemoryConversationRepository");
    }

    @Test
    void anS3StoreClassUsingTheModelGatewayBreaksTheS3StorageRule() {
        assertThat(failureOf(ArchitectureTest.s3_storage_depends_on_the_domain_the_json_codec_and_the_aws_network_only,
                S3StoreUsingTheModelGateway.class)).contains("io.redux.aws.AwsModelGateway");
    }

    @Test
    void aMigrationClassUsingTheJsonStorageBreaksTheMigrationRule() {
        assertThat(failureOf(ArchitectureTest.migration_depends_on_no_module_but_the_domain,
                MigrationUsingJsonStorage.class)).contains("io.redux.storage.json.JsonConversationRepository");
    }

    @Test
    void anMcpClassUsingTheAwsAdapterBreaksTheMcpAdapterRule() {
        assertThat(failureOf(ArchitectureTest.mcp_adapter_depends_on_no_module_but_the_domain,
                McpUsingTheAwsAdapter.class)).contains("io.redux.aws.ModelRouter");
    }

    @Test
    void aCommandUsingTheMcpSdkBreaksTheMcpSdkRule() {
        assertThat(failureOf(ArchitectureTest.mcp_sdk_is_used_only_by_the_mcp_adapter, CommandUsingTheMcpSdk.class))
                .contains("io.modelcontextprotocol.spec.McpSchema");
    }

    @Test
    void aCommandUsingTheMcpAdapterBreaksTheRuleThatCommandsSeePorts() {
        assertThat(failureOf(ArchitectureTest.commands_outside_the_composition_root_reach_adapters_only_through_ports,
                CommandUsingTheMcpSdk.class)).contains("io.redux.mcp.ToolNames");
    }

    @Test
    void aTestkitClassUsingTheSdkBreaksTheSdkRule() {
        assertThat(failureOf(ArchitectureTest.aws_sdk_is_used_only_by_the_aws_adapter, StubUsingTheSdk.class))
                .contains("software.amazon.awssdk.regions.Region");
    }

    @Test
    void aStubUsingTheSdkBreaksTheRuleThatStubsSpeakTheWire() {
        assertThat(failureOf(ArchitectureTest.testkit_stubs_speak_the_wire_not_the_sdk, StubUsingTheSdk.class))
                .contains("software.amazon.awssdk.regions.Region");
    }

    @Test
    void aTestkitClassUsingTheAwsAdapterBreaksTheTestkitRule() {
        assertThat(failureOf(ArchitectureTest.testkit_builds_on_the_domain_only, TestkitUsingTheAwsAdapter.class))
                .contains("io.redux.aws.ModelRouter");
    }

    @Test
    void aDomainClassUsingGuiceBreaksTheRuleThatOnlyTheCliKnowsGuice() {
        assertThat(failureOf(ArchitectureTest.picocli_guice_and_jline_are_used_only_by_the_cli,
                DomainClassUsingJackson.class)).contains("com.google.inject.Injector");
    }

    @Test
    void aCommandUsingGuiceBreaksTheRuleThatOnlyTheCompositionRootKnowsGuice() {
        assertThat(failureOf(ArchitectureTest.only_the_composition_root_knows_guice, CommandUsingGuice.class))
                .contains("com.google.inject.Injector");
    }

    @Test
    void aCommandUsingTheAwsAdapterBreaksTheRuleThatCommandsGoThroughPorts() {
        assertThat(failureOf(ArchitectureTest.commands_outside_the_composition_root_reach_adapters_only_through_ports,
                CommandUsingTheAwsAdapter.class)).contains("io.redux.aws.ModelRouter");
    }

    @Test
    void aCommandStartingAProcessBreaksTheRuleThatCommandsStartNoProcesses() {
        assertThat(failureOf(ArchitectureTest.commands_outside_the_composition_root_start_no_processes,
                CommandStartingAProcess.class)).contains("java.lang.ProcessBuilder");
    }

    @Test
    void aCommandUsingNettyBreaksTheNettyRule() {
        assertThat(failureOf(ArchitectureTest.the_cli_never_uses_netty, CommandUsingNetty.class))
                .contains("io.netty.channel.EventLoopGroup");
    }

    @Test
    void aDomainClassUsingTheCliBreaksTheRuleThatNothingDependsOnTheCli() {
        assertThat(failureOf(ArchitectureTest.nothing_depends_on_the_cli, DomainClassUsingTheCli.class))
                .contains("io.redux.cli.CliEnvironment");
    }

    @Test
    void aClassUsingABenchmarkBreaksTheRuleThatNothingDependsOnTheBenchmarks() {
        assertThat(failureOf(ArchitectureTest.nothing_depends_on_the_benchmarks, DomainClassUsingABenchmark.class))
                .contains("io.redux.cli.bench.violation.SomeBenchmark");
    }

    @Test
    void aClassOutsideTheModulePackagesBreaksTheModulePackagesRule() {
        assertThat(failureOf(ArchitectureTest.every_class_lives_in_a_module_package, ClassOutsideTheModules.class))
                .contains("io.redux.violation.ClassOutsideTheModules");
    }

    @Test
    void aRuleThatMatchesNoClassFails() {
        assertThatThrownBy(() -> ArchitectureTest.domain_depends_on_nothing_but_the_jdk
                .check(new ClassFileImporter().importClasses(CommandUsingGuice.class)))
                .hasMessageContaining("failed to check any classes");
    }

    private static String failureOf(ArchRule rule, Class<?> fixture) {
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(fixture));
        assertThat(result.hasViolation()).as("%s on %s", rule.getDescription(), fixture.getName()).isTrue();
        return result.getFailureReport().toString();
    }
}
