package io.redux.tools;

import io.redux.domain.json.JsonValue;
import io.redux.domain.tool.DefaultTrust;
import io.redux.domain.tool.ToolOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** use_aws against a fake {@code aws} that records its arguments and the variables that carry an identity. */
class UseAwsToolTest {

    @TempDir
    Path dir;

    private Path bin;
    private Path record;

    @BeforeEach
    void fakeAws() throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        record = dir.resolve("record.txt");
        writeAws("""
                #!/bin/sh
                for a in "$@"; do printf 'arg=%s\\n' "$a"; done > "$RECORD"
                for v in AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_EXECUTION_ENV AWS_PAGER; do
                  eval "val=\\${$v-unset}"; printf 'env %s=%s\\n' "$v" "$val"
                done >> "$RECORD"
                printf 'cwd=%s\\n' "$(pwd)" >> "$RECORD"
                echo '{"Account": "123456789012"}'
                """);
    }

    @Test
    void runsTheAwsCliWithTheRegionServiceOperationAndKebabCaseParameters() throws IOException {
        ToolOutput output = tool(Map.of()).run(call("dynamodb", "query", Args.of(
                "TableName", "orders",
                "KeyConditionExpression", "pk = :v",
                "ExpressionAttributeValues", Args.of("v", Args.of("S", "1")),
                "limit", 5,
                "consistent-read", "")));

        assertThat(output).isEqualTo(ToolOutput.success("exit code: 0\nstdout:\n{\"Account\": \"123456789012\"}\n"
                + "\nstderr:\n"));
        assertThat(arguments()).containsExactly("--region", "us-east-1", "dynamodb", "query",
                "--table-name", "orders", "--key-condition-expression", "pk = :v",
                "--expression-attribute-values", "{\"v\":{\"S\":\"1\"}}", "--limit", "5", "--consistent-read");
        assertThat(Files.readString(record)).contains("cwd=" + dir.toRealPath());
    }

    @Test
    void namesBecomeKebabCaseAsTheAwsCliSpellsThem() {
        assertThat(UseAwsTool.kebab("TableName")).isEqualTo("table-name");
        assertThat(UseAwsTool.kebab("table_name")).isEqualTo("table-name");
        assertThat(UseAwsTool.kebab("--max-items")).isEqualTo("max-items");
        assertThat(UseAwsTool.kebab("DBInstanceIdentifier")).isEqualTo("db-instance-identifier");
        assertThat(UseAwsTool.kebab("bucket")).isEqualTo("bucket");
    }

    @Test
    void theChatsProfileGoesInTheEnvironmentAndDisplacesKeysFoundThere() throws IOException {
        Map<String, String> inherited = Map.of("AWS_ACCESS_KEY_ID", "AKIAOTHER", "AWS_SECRET_ACCESS_KEY", "other");

        tool(inherited, () -> Map.of("AWS_PROFILE", "dev"), UseAwsSettings.DEFAULTS)
                .run(call("sts", "get-caller-identity", null));

        assertThat(Files.readString(record)).contains("env AWS_PROFILE=dev\n", "env AWS_ACCESS_KEY_ID=unset\n",
                "env AWS_SECRET_ACCESS_KEY=unset\n");
        assertThat(arguments()).doesNotContain("--profile", "dev");
    }

    @Test
    void resolvedCredentialsGoInTheEnvironmentOnlyNeverOnTheCommandLine() throws IOException {
        Map<String, String> keys = Map.of("AWS_ACCESS_KEY_ID", "AKIAFAKE", "AWS_SECRET_ACCESS_KEY", "fake-secret",
                "AWS_SESSION_TOKEN", "fake-token");

        ToolOutput output = tool(Map.of("AWS_PROFILE", "stale"), () -> keys, UseAwsSettings.DEFAULTS)
                .run(call("sts", "get-caller-identity", null));

        assertThat(Files.readString(record)).contains("env AWS_PROFILE=unset\n", "env AWS_ACCESS_KEY_ID=AKIAFAKE\n",
                "env AWS_SECRET_ACCESS_KEY=fake-secret\n", "env AWS_SESSION_TOKEN=fake-token\n");
        assertThat(String.join(" ", arguments())).doesNotContain("fake-secret", "fake-token", "AKIAFAKE");
        assertThat(output.content()).doesNotContain("fake-secret", "fake-token");
    }

    @Test
    void aProfileNameFromTheModelIsNotUsedAndTheAnswerSaysSo() throws IOException {
        JsonValue.JsonObject arguments = withMember(call("s3api", "list-buckets", null), "profile_name", "prod");

        ToolOutput output = tool(Map.of(), () -> Map.of("AWS_PROFILE", "dev"), UseAwsSettings.DEFAULTS).run(arguments);

        assertThat(output.content()).startsWith("note: profile_name 'prod' was not used");
        assertThat(Files.readString(record)).contains("env AWS_PROFILE=dev\n");
        assertThat(arguments()).doesNotContain("--profile", "prod");
    }

    @Test
    void aProfileParameterIsRefusedSoTheModelCannotSwitchIdentity() {
        ToolOutput output = tool(Map.of()).run(call("s3api", "list-buckets", Args.of("profile", "prod")));

        assertThat(output.error()).isTrue();
        assertThat(output.content()).contains("'profile' is not allowed");
        assertThat(record).doesNotExist();
    }

    @Test
    void theExecutionEnvironmentNamesReduxAndNothingPagesTheOutput() throws IOException {
        tool(Map.of("AWS_EXECUTION_ENV", "CI")).run(call("sts", "get-caller-identity", null));

        assertThat(Files.readString(record)).contains("env AWS_EXECUTION_ENV=CI Redux-CLI\n", "env AWS_PAGER=\n");
    }

    @Test
    void anIdentityThatCannotBeResolvedIsAnErrorAndRunsNothing() {
        AwsCliIdentity failing = () -> {
            throw new IllegalStateException("the session token expired");
        };

        ToolOutput output = tool(Map.of(), failing, UseAwsSettings.DEFAULTS).run(call("sts", "get-caller-identity", null));

        assertThat(output).isEqualTo(ToolOutput.error(
                "use_aws: the chat's AWS identity could not be resolved: the session token expired"));
        assertThat(record).doesNotExist();
    }

    @Test
    void aServiceNameThatLooksLikeAnOptionIsRefused() {
        ToolOutput output = tool(Map.of()).run(call("--endpoint-url", "list-buckets", null));

        assertThat(output.error()).isTrue();
        assertThat(output.content()).contains("argument 'service_name' must be a name");
        assertThat(record).doesNotExist();
    }

    @Test
    void withoutTheAwsCliOnPathTheModelAndUserAreToldToInstallIt() {
        UseAwsTool tool = new UseAwsTool(dir, AwsCliIdentity.INHERITED, UseAwsSettings.DEFAULTS,
                Map.of("PATH", dir.resolve("nothing-here").toString()), Duration.ofSeconds(30), 1000);

        ToolOutput output = tool.run(call("sts", "get-caller-identity", null));

        assertThat(output.error()).isTrue();
        assertThat(output.content()).startsWith("use_aws needs the AWS CLI (aws) on PATH: install it");
    }

    @Test
    void aFailedCallIsAnErrorWithWhatTheAwsCliSaid() throws IOException {
        writeAws("#!/bin/sh\necho 'An error occurred (AccessDenied)' >&2\nexit 254\n");

        ToolOutput output = tool(Map.of()).run(call("s3api", "list-buckets", null));

        assertThat(output).isEqualTo(ToolOutput.error("exit code: 254\nstdout:\n\nstderr:\n"
                + "An error occurred (AccessDenied)\n"));
    }

    @Test
    void longOutputIsCutWithANote() throws IOException {
        writeAws("#!/bin/sh\nprintf '%0100d' 0\n");
        UseAwsTool tool = new UseAwsTool(dir, AwsCliIdentity.INHERITED, UseAwsSettings.DEFAULTS,
                environment(Map.of()), Duration.ofSeconds(30), 10);

        ToolOutput output = tool.run(call("s3api", "list-buckets", null));

        assertThat(output.content()).contains("stdout:\n0000000000\n[90 more bytes not shown: output limit of 10 bytes]");
    }

    @Test
    void aCallThatRunsTooLongIsStopped() throws IOException {
        writeAws("#!/bin/sh\necho started\nexec sleep 30\n");
        UseAwsTool tool = new UseAwsTool(dir, AwsCliIdentity.INHERITED, UseAwsSettings.DEFAULTS,
                environment(Map.of()), Duration.ofMillis(200), 1000);

        ToolOutput output = tool.run(call("s3api", "list-buckets", null));

        assertThat(output.error()).isTrue();
        assertThat(output.content()).contains("did not finish within 200 ms").contains("started");
    }

    @Test
    void anInterruptedCallerStopsTheCallAndKeepsItsInterruptFlag() throws IOException {
        writeAws("#!/bin/sh\nexec sleep 30\n");
        Thread.currentThread().interrupt();
        try {
            ToolOutput output = tool(Map.of()).run(call("s3api", "list-buckets", null));

            assertThat(output.error()).isTrue();
            assertThat(output.content()).contains("interrupted by the user");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void readOnlyOperationsAsTheOriginalJudgesThemRunWithoutAsking() {
        UseAwsTool tool = tool(Map.of());

        assertThat(tool.defaultTrust()).isEqualTo(DefaultTrust.JUDGED_BY_ITS_ARGUMENTS);
        for (String readOnly : List.of("get-caller-identity", "describe-instances", "list-buckets", "ls",
                "search-resources", "batch-get-item")) {
            assertThat(tool.runsWithoutAsking(call("any", readOnly, null))).as(readOnly).isTrue();
        }
        for (String mutating : List.of("put-object", "assume-role", "delete-bucket", "getaway", "lister",
                "run-instances")) {
            assertThat(tool.runsWithoutAsking(call("any", mutating, null))).as(mutating).isFalse();
        }
        assertThat(tool.runsWithoutAsking(Args.of("operation_name", "list-buckets"))).isFalse();
    }

    @Test
    void everyOperationOfAnAllowedServiceRunsWithoutAsking() {
        UseAwsTool tool = tool(Map.of(), AwsCliIdentity.INHERITED, new UseAwsSettings(Set.of("s3api"), Set.of()));

        assertThat(tool.runsWithoutAsking(call("s3api", "put-object", null))).isTrue();
        assertThat(tool.runsWithoutAsking(call("iam", "create-user", null))).isFalse();
        assertThat(tool.runsWithoutAsking(call("iam", "list-users", null))).isTrue();
    }

    @Test
    void aDeniedServiceIsRefusedWithoutRunningAnythingEvenToRead() {
        UseAwsTool tool = tool(Map.of(), AwsCliIdentity.INHERITED, new UseAwsSettings(Set.of("iam"), Set.of("iam")));

        ToolOutput output = tool.run(call("iam", "list-users", null));

        assertThat(output).isEqualTo(ToolOutput.error(
                "use_aws: the service 'iam' is denied by the settings of use_aws; do not call it."));
        assertThat(record).doesNotExist();
        assertThat(tool(Map.of(), AwsCliIdentity.INHERITED, new UseAwsSettings(Set.of(), Set.of("iam")))
                .run(call("sts", "get-caller-identity", null)).error()).isFalse();
    }

    private List<String> arguments() throws IOException {
        return Files.readAllLines(record).stream().filter(l -> l.startsWith("arg=")).map(l -> l.substring(4)).toList();
    }

    private UseAwsTool tool(Map<String, String> variables) {
        return tool(variables, AwsCliIdentity.INHERITED, UseAwsSettings.DEFAULTS);
    }

    private UseAwsTool tool(Map<String, String> variables, AwsCliIdentity identity, UseAwsSettings settings) {
        return new UseAwsTool(dir, identity, settings, environment(variables), Duration.ofSeconds(30), 100_000);
    }

    private Map<String, String> environment(Map<String, String> variables) {
        Map<String, String> environment = new LinkedHashMap<>(variables);
        environment.put("PATH", bin + ":/usr/bin:/bin");
        environment.put("RECORD", record.toString());
        return environment;
    }

    private static JsonValue.JsonObject call(String service, String operation, JsonValue.JsonObject parameters) {
        JsonValue.JsonObject call = Args.of("service_name", service, "operation_name", operation,
                "region", "us-east-1", "label", "a test");
        return parameters == null ? call : withMember(call, "parameters", parameters);
    }

    private static JsonValue.JsonObject withMember(JsonValue.JsonObject object, String name, Object value) {
        Map<String, JsonValue> members = new LinkedHashMap<>(object.members());
        members.put(name, value instanceof JsonValue json ? json : value instanceof Integer n
                ? new JsonValue.JsonNumber(BigDecimal.valueOf(n)) : JsonValue.of((String) value));
        return new JsonValue.JsonObject(members);
    }

    private void writeAws(String script) throws IOException {
        Path aws = bin.resolve("aws");
        Files.writeString(aws, script);
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwx------"));
    }
}
