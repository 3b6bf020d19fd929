package io.redux.cli.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redux.cli.process.CliProcess.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code redux_cli conversations ...} run as a real process against real files. */
class ConversationsCommandIT {

    private static final String EXAMPLE_ID = "550e8400-e29b-41d4-a716-446655440000";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private Path folder;
    private Path example;

    @BeforeEach
    void putTheDesignExampleInAFolder() throws IOException {
        folder = home.resolve("conversations");
        Files.createDirectories(folder);
        example = folder.resolve(EXAMPLE_ID + ".json");
        try (InputStream in = getClass().getResourceAsStream("/design-example.json")) {
            Files.write(example, in.readAllBytes());
        }
    }

    private CliProcess cli() {
        return CliProcess.launcher().home(home).env("REDUX_CONVERSATIONS_DIR", folder.toString()).in(home);
    }

    @Test
    void listsTheDesignExample() {
        Result result = cli().run("conversations", "list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains(EXAMPLE_ID, "custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0",
                "Hello, can you help me?", "2025-01-09T18:30:00Z");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void listsAsJsonForScripts() throws IOException {
        Result result = cli().run("conversations", "list", "--json");

        JsonNode listed = JSON.readTree(result.stdout());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("conversation_id").asText()).isEqualTo(EXAMPLE_ID);
        assertThat(listed.get(0).get("message_count").asInt()).isEqualTo(4);
        assertThat(listed.get(0).get("title").asText()).isEqualTo("Hello, can you help me?");
    }

    @Test
    void showsATranscriptWithToolCalls() {
        Result result = cli().run("conversations", "show", EXAMPLE_ID);

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("Hello, can you help me?", "Of course! How can I help you today?",
                "file_read", "/src/main.rs", "File contents here...");
    }

    @Test
    void exportsJsonEqualInMeaningToTheStoredDocument() throws IOException {
        Result result = cli().run("conversations", "export", EXAMPLE_ID, "--format", "json");

        assertThat(result.exitCode()).isZero();
        assertThat(JSON.readTree(result.stdout())).isEqualTo(JSON.readTree(example.toFile()));
    }

    @Test
    void exportsMarkdownToAFileAndNeverOverwritesOne() throws IOException {
        Path output = home.resolve("transcript.md");

        Result first = cli().run("conversations", "export", EXAMPLE_ID, "--format", "markdown", "--output", output.toString());
        Files.writeString(output, "keep me");
        Result second = cli().run("conversations", "export", EXAMPLE_ID, "--format", "markdown", "--output", output.toString());

        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).isEqualTo(2);
        assertThat(second.stderrLines()).singleElement().asString().contains("already exists", "--force");
        assertThat(Files.readString(output)).isEqualTo("keep me");
    }

    @Test
    void deletesOnlyWhenConfirmed() {
        Result refused = cli().run("conversations", "delete", EXAMPLE_ID);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stderrLines()).singleElement().asString().contains("--yes");
        assertThat(example).exists();

        Result deleted = cli().run("conversations", "delete", EXAMPLE_ID, "--yes");
        assertThat(deleted.exitCode()).isZero();
        assertThat(example).doesNotExist();
        assertThat(folder.resolve("." + EXAMPLE_ID + ".lock")).as("no lock file left behind").doesNotExist();
    }

    @Test
    void deletesAnUnreadableFileWithYes() throws IOException {
        Path corrupt = folder.resolve("11111111-1111-4111-8111-111111111111.json");
        Files.writeString(corrupt, "not a conversation");

        Result deleted = cli().run("conversations", "delete", "11111111-1111-4111-8111-111111111111", "--yes");

        assertThat(deleted.exitCode()).isZero();
        assertThat(deleted.stderrLines()).singleElement().asString().contains("Deleted");
        assertThat(corrupt).doesNotExist();
        assertThat(example).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "", "not-a-uuid"})
    void refusesAnIdThatIsNotAUuid(String id) {
        Result result = cli().run("conversations", "show", id);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderrLines()).singleElement().asString().contains("UUID");
        assertThat(result.stdout()).isEmpty();
    }

    /** Text from a file that a terminal would obey: window title, clipboard write, screen clear, hidden text, bidi. */
    private static final String HOSTILE_ID = "22222222-2222-4222-8222-222222222222";
    private static final String HOSTILE_PROMPT = "Hi \u001b]0;owned\u0007 there";
    private static final String HOSTILE_ANSWER = "Sure \u001b]52;c;cm0gLXJmIH4=\u0007\u001b[2J\u001b[8mhidden\u009b0m \u202eevil";
    /** A model id with control characters makes its file unreadable: errorLinesShowControlCharactersFromTheFile. */
    private static final String PLAIN_MODEL = "custom:us-east-1:bedrock:evil-model:1";

    private Path writeHostileConversation(String id, String modelId) throws IOException {
        ObjectNode tree = (ObjectNode) JSON.readTree(example.toFile());
        tree.put("conversation_id", id);
        tree.put("model_id", modelId);
        ((ObjectNode) tree.at("/messages/0")).put("content", HOSTILE_PROMPT);
        ((ObjectNode) tree.at("/messages/1")).put("content", HOSTILE_ANSWER);
        Path file = folder.resolve(id + ".json");
        JSON.writeValue(file.toFile(), tree);
        return file;
    }

    private static void assertNothingATerminalWouldObey(String printed) {
        assertThat(printed).doesNotContain("\u001b", "\u0007", "\u009b", "\u202e");
    }

    @Test
    void showListAndMarkdownExportShowControlCharactersInsteadOfSendingThem() throws IOException {
        writeHostileConversation(HOSTILE_ID, PLAIN_MODEL);

        Result show = cli().run("conversations", "show", HOSTILE_ID);
        Result list = cli().run("conversations", "list");
        Result markdown = cli().run("conversations", "export", HOSTILE_ID, "--format", "markdown");

        assertThat(show.exitCode()).isZero();
        assertNothingATerminalWouldObey(show.stdout());
        assertThat(show.stdout()).contains("Hi ^[]0;owned^G there",
                "Sure ^[]52;c;cm0gLXJmIH4=^G^[[2J^[[8mhidden<U+009B>0m <U+202E>evil");
        assertThat(list.exitCode()).isZero();
        assertNothingATerminalWouldObey(list.stdout());
        assertThat(list.stdout()).contains(PLAIN_MODEL, "Hi ^[]0;owned^G there");
        assertThat(markdown.stdout()).isEqualTo(show.stdout());
    }

    @Test
    void jsonKeepsTheExactText() throws IOException {
        Path file = writeHostileConversation(HOSTILE_ID, PLAIN_MODEL);

        JsonNode listed = JSON.readTree(cli().run("conversations", "list", "--json").stdout());
        Result exported = cli().run("conversations", "export", HOSTILE_ID, "--format", "json");

        JsonNode hostile = listed.get(0).get("conversation_id").asText().equals(HOSTILE_ID) ? listed.get(0) : listed.get(1);
        assertThat(hostile.get("title").asText()).isEqualTo(HOSTILE_PROMPT);
        assertThat(hostile.get("model_id").asText()).isEqualTo(PLAIN_MODEL);
        assertThat(JSON.readTree(exported.stdout())).isEqualTo(JSON.readTree(file.toFile()));
        assertThat(JSON.readTree(exported.stdout()).at("/messages/1/content").asText()).isEqualTo(HOSTILE_ANSWER);
    }

    @Test
    void errorLinesShowControlCharactersFromTheFile() throws IOException {
        writeHostileConversation(HOSTILE_ID, "custom:\u001b]0;owned\u0007:bedrock:m:1");

        Result show = cli().run("conversations", "show", HOSTILE_ID);
        Result list = cli().run("conversations", "list");

        assertThat(show.exitCode()).isEqualTo(1);
        assertThat(show.stderrLines()).singleElement().asString().contains("^[]0;owned^G");
        assertNothingATerminalWouldObey(show.stderr());
        assertThat(list.stderr()).contains(HOSTILE_ID, "^[]0;owned^G");
        assertNothingATerminalWouldObey(list.stderr());
    }

    @Test
    void refusesAThousandCharacterIdInOneShortLine() {
        Result result = cli().run("conversations", "show", "x".repeat(1000));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderrLines()).singleElement().asString().hasSizeLessThan(300);
    }

    @Test
    void saysWhenAConversationDoesNotExist() {
        Result result = cli().run("conversations", "show", "00000000-0000-4000-8000-000000000000");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderrLines()).singleElement().asString().contains("does not exist");
    }

    @Test
    void reportsACorruptFileAndLeavesItUntouched() throws IOException {
        Path corrupt = folder.resolve("11111111-1111-4111-8111-111111111111.json");
        Files.writeString(corrupt, "{\"conversation_id\": \"11111111-1111-4111-8111-111111111111\", \"messages\": [");
        byte[] before = Files.readAllBytes(corrupt);

        Result list = cli().run("conversations", "list");
        Result show = cli().run("conversations", "show", "11111111-1111-4111-8111-111111111111");

        assertThat(list.exitCode()).isZero();
        assertThat(list.stdout()).contains(EXAMPLE_ID);
        assertThat(list.stderr()).contains(corrupt.getFileName().toString());
        assertThat(show.exitCode()).isEqualTo(1);
        assertThat(show.stderrLines()).singleElement().asString().contains(corrupt.getFileName().toString());
        assertThat(Files.readAllBytes(corrupt)).isEqualTo(before);
    }

    @Test
    void skipsAFifoInOneLineInsteadOfHanging() throws Exception {
        Path fifo = folder.resolve("22222222-2222-4222-8222-222222222222.json");
        mkfifo(fifo);
        mkfifo(folder.resolve(".summary-index"));

        Result list = cli().run("conversations", "list");
        Result show = cli().run("conversations", "show", "22222222-2222-4222-8222-222222222222");

        assertThat(list.exitCode()).isZero();
        assertThat(list.stdout()).contains(EXAMPLE_ID);
        assertThat(list.stderrLines()).singleElement().asString().contains(fifo.toString(), "not a regular file");
        assertThat(show.exitCode()).isEqualTo(1);
        assertThat(show.stderrLines()).singleElement().asString().contains(fifo.toString(), "not a regular file")
                .containsOnlyOnce("move it away");
    }

    @Test
    void skipsALinkToDevZeroInOneLine() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "a system with /dev/zero");
        Path link = Files.createSymbolicLink(folder.resolve("22222222-2222-4222-8222-222222222222.json"),
                Path.of("/dev/zero"));

        Result list = cli().run("conversations", "list");
        Result show = cli().run("conversations", "show", "22222222-2222-4222-8222-222222222222");

        assertThat(list.exitCode()).isZero();
        assertThat(list.stdout()).contains(EXAMPLE_ID);
        assertThat(list.stderrLines()).singleElement().asString().contains(link.toString(), "symbolic link");
        assertThat(show.exitCode()).isEqualTo(1);
        assertThat(show.stderrLines()).singleElement().asString().contains(link.toString(), "symbolic link");
    }

    @Test
    void reportsAUtf16FileAsUnreadable() throws IOException {
        Path utf16 = folder.resolve(EXAMPLE_ID + ".json");
        Files.write(utf16, Files.readString(example).getBytes(StandardCharsets.UTF_16));
        byte[] before = Files.readAllBytes(utf16);

        Result show = cli().run("conversations", "show", EXAMPLE_ID);

        assertThat(show.exitCode()).isEqualTo(1);
        assertThat(show.stderrLines()).singleElement().asString().contains(utf16.toString(), "UTF-16");
        assertThat(Files.readAllBytes(utf16)).isEqualTo(before);
    }

    /** 60 MB in a 48 MB heap: show and export hold one message at a time; a full load would not fit. */
    @Test
    void showsAndExportsAConversationLargerThanTheHeap() throws IOException {
        String id = "44444444-4444-4444-8444-444444444444";
        Path large = LargeConversation.write(folder, id, 600);
        byte[] before = Files.readAllBytes(large);
        Path exported = home.resolve("export.json");
        CliProcess smallHeap = cli().env("REDUX_JAVA_OPTS", "-Xmx48m");

        Result show = smallHeap.run("conversations", "show", id);
        Result export = smallHeap.run("conversations", "export", id, "--format", "json", "--output", exported.toString());
        Result markdown = smallHeap.run("conversations", "export", id, "--format", "markdown");

        assertThat(show.stderr()).isEmpty();
        assertThat(show.exitCode()).isZero();
        assertThat(show.stdout()).startsWith("# 0 All work").contains("599 All work").hasSizeGreaterThan(600 * 100 * 1024);
        assertThat(export.exitCode()).isZero();
        assertThat(Files.readAllBytes(exported)).isEqualTo(before);
        assertThat(markdown.exitCode()).isZero();
        assertThat(markdown.stdout()).isEqualTo(show.stdout());
        assertThat(Files.readAllBytes(large)).isEqualTo(before);
    }

    @Test
    void reportsAConversationsFolderThatIsAFile() throws IOException {
        Path file = home.resolve("not-a-folder");
        Files.writeString(file, "x");

        Result result = CliProcess.launcher().home(home).env("REDUX_CONVERSATIONS_DIR", file.toString())
                .run("conversations", "list");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderrLines()).singleElement().asString().contains(file.toString());
    }

    @Test
    void listingAnEmptyStoreCreatesNoFolder() {
        Path missing = home.resolve("nothing-here");

        Result result = CliProcess.launcher().home(home).env("REDUX_CONVERSATIONS_DIR", missing.toString())
                .run("conversations", "list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("No conversations yet");
        assertThat(missing).doesNotExist();
    }

    @Test
    void printsItsVersionAndHelp() {
        Result version = cli().run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.stdout()).matches("redux_cli \\d+\\.\\d+\\.\\d+\\S*\n");
        // Answered before the command line is built, unlike the same request with another option: the same words.
        assertThat(cli().run("-V").stdout()).isEqualTo(version.stdout());
        assertThat(cli().run("--debug", "--version").stdout()).isEqualTo(version.stdout());
        Result help = cli().run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("conversations", "REDUX_CONVERSATIONS_DIR");
    }

    @Test
    void theHelpListsEverySettingWithItsDescriptionIndentedAtAnyWidth() {
        Result help = cli().env("COLUMNS", "200").run("--help");

        List<String> environment = help.stdout().lines().dropWhile(line -> !line.equals("Environment:")).skip(1)
                .takeWhile(line -> !line.isEmpty()).toList();
        assertThat(environment).allMatch(line -> line.startsWith("  "), "indented");
        assertThat(String.join("\n", environment)).contains("REDUX_READ_TIMEOUT", "REDUX_CREDENTIAL_PROCESS_TIMEOUT",
                "REDUX_ENDPOINT_URL", "REDUX_MODEL_ID", "REDUX_CONVERSATIONS_DIR");
    }

    @Test
    void anUnknownOptionIsAUsageErrorInOneLine() {
        Result result = cli().run("conversations", "list", "--frobnicate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderrLines()).singleElement().asString().contains("--frobnicate", "--help");
    }

    /** A FIFO, made by the system's mkfifo; the test is skipped where there is none. */
    private static void mkfifo(Path path) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        } catch (IOException noMkfifo) {
            assumeTrue(false, "mkfifo is not available: " + noMkfifo.getMessage());
            return;
        }
        assertThat(process.waitFor()).isZero();
    }
}
