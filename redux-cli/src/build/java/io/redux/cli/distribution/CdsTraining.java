package io.redux.cli.distribution;

import io.redux.cli.CliEnvironment;
import io.redux.cli.LibraryLogging;
import io.redux.cli.Main;
import io.redux.cli.ReduxCli;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.UserMessage;
import io.redux.storage.json.JsonConversationRepository;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of the class-data-sharing archive: runs the everyday commands once, in one JVM, against a
 * throw-away home and conversations folder, so every class they load is listed for the archive. A one-shot chat and
 * {@code whoami} talk to a {@link TrainingEndpoint} on loopback, with fake keys, so the AWS SDK's and Netty's classes
 * are archived too. Prints nothing.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        // The launcher's entry point is not run here (it exits the JVM), but it belongs in the archive.
        Class.forName(Main.class.getName(), false, CdsTraining.class.getClassLoader());
        LibraryLogging.configure(false);
        Path folder = Files.createTempDirectory("redux-cds-training");
        try (TrainingEndpoint aws = new TrainingEndpoint()) {
            JsonConversationRepository repository = new JsonConversationRepository(folder);
            ConversationId id = ConversationId.random();
            repository.create(sample(id));
            String conversation = id.toString();
            for (List<String> command : List.of(
                    List.of("--version"),
                    List.of("--help"),
                    List.of("conversations", "--help"),
                    List.of("conversations", "list"),
                    List.of("conversations", "list", "--json", "--limit", "5"),
                    List.of("conversations", "show", conversation),
                    List.of("conversations", "export", conversation, "--format", "markdown"),
                    List.of("conversations", "export", conversation),
                    List.of("chat", "--no-interactive", "What does the build do?"),
                    List.of("whoami"))) {
                // A failing step would leave its classes out of the archive in silence, and its command slow.
                int exit = ReduxCli.execute(environment(folder, aws.uri().toString()), command.toArray(String[]::new));
                if (exit != 0) {
                    throw new IllegalStateException("training: redux_cli " + String.join(" ", command)
                            + " exited with " + exit);
                }
            }
            // And the path of a mistake: the error report.
            ReduxCli.execute(environment(folder, aws.uri().toString()), "conversations", "show", "not-a-uuid");
        } finally {
            deleteTree(folder);
        }
    }

    private static Conversation sample(ConversationId id) {
        Instant now = Instant.now();
        return Conversation.start(id, ModelId.parse("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0"),
                        ConversationMetadata.EMPTY, now)
                .append(new UserMessage("u-1", now, "What does the build do?"))
                .append(new AssistantMessage("a-1", now, "It compiles, tests and packages the CLI."));
    }

    private static CliEnvironment environment(Path folder, String aws) {
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream(), true);
        Map<String, String> variables = Map.of(
                "REDUX_CONVERSATIONS_DIR", folder.toString(),
                "REDUX_ENDPOINT_URL", aws,
                "AWS_ENDPOINT_URL_STS", aws,
                "AWS_ACCESS_KEY_ID", "AKIATRAININGTRAINING",
                "AWS_SECRET_ACCESS_KEY", "training",
                "AWS_EC2_METADATA_DISABLED", "true");
        return new CliEnvironment(variables, folder, folder, new ByteArrayInputStream(new byte[0]), nowhere, nowhere,
                false);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
