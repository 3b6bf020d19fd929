package io.redux.cli.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redux.cli.process.CliProcess.Result;
import io.redux.testkit.stub.BedrockRuntimeStub;
import io.redux.testkit.stub.StubReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The context files of the working folder, as the request that reached the Bedrock stub carries them. */
class ContextFilesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    /** Holds the working folder and, beside it, a file outside it. */
    @TempDir
    Path root;

    private Path work;
    private BedrockRuntimeStub bedrock;

    @BeforeEach
    void startStub() throws IOException {
        work = Files.createDirectory(root.resolve("work"));
        bedrock = new BedrockRuntimeStub();
    }

    @AfterEach
    void stopStub() {
        bedrock.close();
    }

    @Test
    void theSystemPromptCarriesTheDefaultContextFilesEachUnderItsPathCappedAndInOrder() throws IOException {
        write("AGENTS.md", "Run ./mvnw verify before every commit.\n");
        write("README.md", "# Project\n" + "x".repeat(70_000) + "\n");
        write(".amazonq/rules/style.md", "Use four spaces.\n");
        write(".amazonq/rules/java/naming.md", "Test names are sentences.\n");
        write("docs/not-context.md", "Not a default.\n");
        Files.write(work.resolve("AmazonQ.md"), new byte[]{'P', 'K', 3, 4, 0, 0, 0});
        Files.writeString(root.resolve("secret.md"), "the launch code is blue-42\n");
        Files.createSymbolicLink(work.resolve(".amazonq/rules/linked.md"), root.resolve("secret.md"));
        bedrock.enqueue(StubReply.text("Noted."), StubReply.text("Noted again."));

        Result oneShot = cli().run("chat", "What are the rules?");
        Result json = cli().run("chat", "--json", "And now?");

        assertThat(oneShot.exitCode()).isZero();
        assertThat(oneShot.stderr()).contains("redux_cli: warning: context file AmazonQ.md: skipped: it is not UTF-8 text",
                "redux_cli: warning: context file .amazonq/rules/linked.md: skipped: it leads outside the working folder");
        assertThat(json.exitCode()).isZero();
        String system = systemPrompt(0);
        assertThat(system).contains("--- context file: AGENTS.md ---\nRun ./mvnw verify before every commit.\n",
                "--- context file: README.md ---\n# Project\nxxx",
                "[truncated: the last " + (70_011 - 65_536) + " of 70011 bytes of README.md were left out by the "
                        + "size cap]",
                "--- context file: .amazonq/rules/java/naming.md ---\nTest names are sentences.\n",
                "--- context file: .amazonq/rules/style.md ---\nUse four spaces.\n")
                .doesNotContain("Not a default", "blue-42", "AmazonQ.md");
        assertThat(system.indexOf("context file: AGENTS.md")).isLessThan(system.indexOf("context file: README.md"));
        assertThat(system.indexOf("context file: README.md"))
                .isLessThan(system.indexOf("context file: .amazonq/rules/java/naming.md"));
        assertThat(systemPrompt(1)).isEqualTo(system);
    }

    @Test
    void aFolderWithoutContextFilesSendsNone() throws IOException {
        bedrock.enqueue(StubReply.text("Hi."));

        Result result = cli().run("chat", "hello");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stderr()).doesNotContain("context file");
        assertThat(systemPrompt(0)).doesNotContain("context file");
    }

    private String systemPrompt(int request) throws IOException {
        JsonNode body = JSON.readTree(bedrock.modelRequests().get(request).bodyText());
        return body.at("/system/0/text").asText();
    }

    private void write(String relative, String text) throws IOException {
        Path file = work.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private CliProcess cli() {
        return CliProcess.launcher().home(home).in(work).chatAgainst(bedrock.endpoint());
    }
}
