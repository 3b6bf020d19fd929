package io.redux.cli.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redux.cli.process.CliProcess.Result;
import io.redux.testkit.stub.BedrockRuntimeStub;
import io.redux.testkit.stub.RecordedRequest;
import io.redux.testkit.stub.S3Stub;
import io.redux.testkit.stub.StubReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command on conversations kept in S3 ({@code REDUX_CONVERSATIONS_DIR=s3://...}), as real processes against
 * the testkit's S3 stub (whose conditional writes are atomic, as S3's are) and the Bedrock stub.
 */
class S3ConversationsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "team-history";
    private static final String LOCATION = "s3://" + BUCKET + "/pods/";
    private static final String EXAMPLE_ID = "550e8400-e29b-41d4-a716-446655440000";

    @TempDir
    Path home;

    private S3Stub s3;
    private BedrockRuntimeStub bedrock;

    @BeforeEach
    void startStubs() {
        s3 = new S3Stub().createBucket(BUCKET);
        bedrock = new BedrockRuntimeStub();
    }

    @AfterEach
    void stopStubs() {
        s3.close();
        bedrock.close();
    }

    private CliProcess cli() {
        return CliProcess.launcher().home(home).in(home).chatAgainst(bedrock.endpoint())
                .env("REDUX_CONVERSATIONS_DIR", LOCATION)
                .env("AWS_ENDPOINT_URL_S3", s3.endpoint().toString())
                .env("AWS_REGION", "us-east-1");
    }

    private List<String> keys() {
        return s3.keys(BUCKET);
    }

    private JsonNode object(String id) throws IOException {
        return JSON.readTree(s3.object(BUCKET, "pods/" + id + ".json").content());
    }

    @Test
    void chatNewByIdAndResumedKeepsEveryTurnInOneObjectAndNothingOnTheLocalDisk() throws IOException {
        bedrock.enqueue(StubReply.text("One."), StubReply.text("Two."), StubReply.text("Three."));
        String id = "11111111-1111-4111-8111-111111111111";

        Result first = cli().run("chat", "--conversation-id", id, "first");
        Result second = cli().run("chat", "--conversation-id", id, "second");
        Result resumed = cli().run("chat", "--resume", "third");

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
        assertThat(resumed.stdout()).isEqualTo("Three.\n");
        assertThat(keys()).containsExactly("pods/" + id + ".json");
        assertThat(object(id).get("messages")).hasSize(6);
        assertThat(home.resolve(".amazon-q")).doesNotExist();
        try (Stream<Path> files = Files.walk(home)) {
            // The listing's cache is the only local file, and only a cache.
            assertThat(files.filter(Files::isRegularFile)).allSatisfy(file ->
                    assertThat(file.toString()).contains(".cache/redux/s3/"));
        }
    }

    @Test
    void chatWithAProfileSignsTheStoresCallsAsThatProfileAsItsModelCalls() throws IOException {
        // The environment's keys are what the default chain would give; --profile prod must win for S3 as for Bedrock.
        Path credentials = Files.createDirectories(home.resolve(".aws")).resolve("credentials");
        Files.writeString(credentials, "[prod]\naws_access_key_id = AKIAPRODPRODPROD0001\n"
                + "aws_secret_access_key = fake-prod-secret\n");
        bedrock.enqueue(StubReply.text("Signed."));

        Result result = cli().run("chat", "--profile", "prod", "hello");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(keys()).hasSize(1);
        assertThat(bedrock.requests()).extracting(RecordedRequest::signingKeyId).containsOnly("AKIAPRODPRODPROD0001");
        assertThat(s3.requests()).extracting(RecordedRequest::signingKeyId).isNotEmpty()
                .containsOnly("AKIAPRODPRODPROD0001");
    }

    @Test
    void twoProcessesContinuingOneConversationLoseNoMessage() throws Exception {
        String id = "22222222-2222-4222-8222-222222222222";
        bedrock.enqueue(StubReply.text("Start."));
        assertThat(cli().run("chat", "--conversation-id", id, "start").exitCode()).isZero();
        int turns = 4;
        for (int i = 0; i < 2 * turns; i++) {
            bedrock.enqueue(StubReply.text("Answer."));
        }

        List<CliProcess.Running> running = new ArrayList<>();
        for (int writer = 0; writer < 2; writer++) {
            int w = writer;
            running.add(cli().start("chat", "--conversation-id", id, "writer " + w + " turn 0"));
        }
        List<Result> results = new ArrayList<>();
        for (CliProcess.Running process : running) {
            results.add(process.finish());
        }
        for (int turn = 1; turn < turns; turn++) {
            List<CliProcess.Running> next = new ArrayList<>();
            for (int writer = 0; writer < 2; writer++) {
                next.add(cli().start("chat", "--conversation-id", id, "writer " + writer + " turn " + turn));
            }
            for (CliProcess.Running process : next) {
                results.add(process.finish());
            }
        }

        assertThat(results).allSatisfy(result -> assertThat(result.exitCode()).as(result.stderr()).isZero());
        String stored = new String(s3.object(BUCKET, "pods/" + id + ".json").content(), StandardCharsets.UTF_8);
        for (int writer = 0; writer < 2; writer++) {
            for (int turn = 0; turn < turns; turn++) {
                assertThat(stored).contains("writer " + writer + " turn " + turn);
            }
        }
        assertThat(object(id).get("messages")).hasSize(2 + 2 * 2 * turns);
    }

    @Test
    void listShowExportAndDeleteWorkOnTheBucket() throws IOException {
        byte[] example;
        try (InputStream in = getClass().getResourceAsStream("/design-example.json")) {
            example = in.readAllBytes();
        }
        s3.put(BUCKET, "pods/" + EXAMPLE_ID + ".json", example);

        Result list = cli().run("conversations", "list");
        Result show = cli().run("conversations", "show", EXAMPLE_ID);
        Result export = cli().run("conversations", "export", EXAMPLE_ID, "--format", "json");
        Result delete = cli().run("conversations", "delete", "--yes", EXAMPLE_ID);
        Result again = cli().run("conversations", "list");

        assertThat(list.exitCode()).as(list.stderr()).isZero();
        assertThat(list.stdout()).contains(EXAMPLE_ID, "Hello, can you help me?");
        assertThat(show.stdout()).contains("Of course! How can I help you today?");
        assertThat(export.stdout().getBytes(StandardCharsets.UTF_8)).isEqualTo(example);
        assertThat(delete.exitCode()).isZero();
        assertThat(keys()).isEmpty();
        assertThat(again.stdout()).doesNotContain(EXAMPLE_ID);
    }

    @Test
    void importCopiesALocalFolderOnceAndReportsACorruptFile() throws IOException {
        Path folder = Files.createDirectories(home.resolve("old"));
        try (InputStream in = getClass().getResourceAsStream("/design-example.json")) {
            Files.write(folder.resolve(EXAMPLE_ID + ".json"), in.readAllBytes());
        }
        Files.writeString(folder.resolve("33333333-3333-4333-8333-333333333333.json"), "{\"oops");

        Result first = cli().run("conversations", "import", folder.toString());
        Result second = cli().run("conversations", "import", folder.toString());

        assertThat(first.exitCode()).isEqualTo(1);
        assertThat(first.stdout()).contains("1 copied, 0 skipped", "1 failed");
        assertThat(first.stderrLines()).singleElement().asString().contains("not imported",
                "33333333-3333-4333-8333-333333333333.json");
        assertThat(second.stdout()).contains("0 copied, 1 skipped");
        assertThat(keys()).containsExactly("pods/" + EXAMPLE_ID + ".json");
        assertThat(object(EXAMPLE_ID).get("messages")).hasSize(4);
    }

    @Test
    void importIntoAMissingBucketIsOneLineAndExit1() throws IOException {
        Path folder = Files.createDirectories(home.resolve("old"));
        for (String id : List.of(EXAMPLE_ID, "44444444-4444-4444-8444-444444444444")) {
            try (InputStream in = getClass().getResourceAsStream("/design-example.json")) {
                Files.writeString(folder.resolve(id + ".json"), new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replace(EXAMPLE_ID, id));
            }
        }

        Result result = cli().env("REDUX_CONVERSATIONS_DIR", "s3://no-such-bucket/pods/")
                .run("conversations", "import", folder.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderrLines()).singleElement().asString()
                .startsWith("redux_cli: S3 bucket no-such-bucket does not exist (s3:PutObject on s3://no-such-bucket/pods/");
    }

    @Test
    void migrateWritesIntoTheBucket() throws IOException, SQLException {
        Path database = home.resolve(".local/share/amazon-q/data.sqlite3");
        Files.createDirectories(database.getParent());
        String conversation;
        try (InputStream in = getClass().getResourceAsStream("/amazon-q-basic_tool_use.json")) {
            conversation = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement schema = connection.createStatement()) {
            schema.execute("CREATE TABLE conversations(key TEXT PRIMARY KEY, value TEXT)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO conversations VALUES (?, ?)")) {
                insert.setString(1, "/home/dev/project");
                insert.setString(2, conversation);
                insert.executeUpdate();
            }
        }

        Result migrated = cli().run("conversations", "migrate");

        assertThat(migrated.exitCode()).as(migrated.stderr()).isZero();
        assertThat(migrated.stdout()).contains("1 migrated");
        assertThat(keys()).hasSize(1).allSatisfy(key -> assertThat(key).startsWith("pods/").endsWith(".json"));
    }

    @Test
    void aMalformedLocationIsOneLineAndExit2() {
        Result result = cli().env("REDUX_CONVERSATIONS_DIR", "s3://Not_A_Bucket/x").run("conversations", "list");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderrLines()).singleElement().asString().isEqualTo("redux_cli: REDUX_CONVERSATIONS_DIR"
                + " \"s3://Not_A_Bucket/x\" is not an S3 location: \"Not_A_Bucket\" is not a bucket name (3 to 63"
                + " lower-case letters, digits, dots and hyphens); write it as s3://BUCKET/PREFIX/");
    }

    @Test
    void aMissingBucketAndAccessDeniedAreOneLineAndExit1() {
        Result missing = cli().env("REDUX_CONVERSATIONS_DIR", "s3://no-such-bucket/pods/").run("conversations", "list");
        Result deleteInMissing = cli().env("REDUX_CONVERSATIONS_DIR", "s3://no-such-bucket/pods/")
                .run("conversations", "delete", "--yes", EXAMPLE_ID);
        s3.failAlways(403, "AccessDenied");
        Result denied = cli().run("conversations", "list");

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderrLines()).singleElement().asString().startsWith(
                "redux_cli: S3 bucket no-such-bucket does not exist (s3:ListBucket on s3://no-such-bucket/pods/)");
        assertThat(deleteInMissing.exitCode()).isEqualTo(1);
        assertThat(deleteInMissing.stderrLines()).singleElement().asString().isEqualTo("redux_cli: S3 bucket"
                + " no-such-bucket does not exist (s3:DeleteObject on s3://no-such-bucket/pods/" + EXAMPLE_ID
                + ".json); create it or check the name (or set REDUX_CONVERSATIONS_DIR to another folder)");
        assertThat(denied.exitCode()).isEqualTo(1);
        assertThat(denied.stderrLines()).singleElement().asString()
                .startsWith("redux_cli: Access denied: ").contains("s3:ListBucket on " + LOCATION);
    }
}
