package io.redux.cli.distribution;

import io.redux.cli.StartupTraining;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.UserMessage;
import io.redux.storage.json.JsonConversationRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a training run of {@link StartupTraining} talks to, set up in the build's own JVM: a {@link TrainingEndpoint} on
 * loopback (Bedrock and STS, fake keys) and a throw-away conversations folder holding one conversation. The training
 * JVM itself gets only the distribution's class path, as the launcher gives it.
 */
final class Training implements AutoCloseable {

    private final Path folder;
    private final ConversationId conversation = ConversationId.random();
    private final TrainingEndpoint endpoint;

    Training() throws IOException {
        folder = Files.createTempDirectory("redux-training");
        Instant now = Instant.now();
        new JsonConversationRepository(folder).create(Conversation.start(conversation,
                        ModelId.parse("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0"),
                        ConversationMetadata.EMPTY, now)
                .append(new UserMessage("u-1", now, "What does the build do?"))
                .append(new AssistantMessage("a-1", now, "It compiles, tests and packages the CLI.")));
        endpoint = new TrainingEndpoint();
    }

    /**
     * The training JVM's command: {@code java}, then {@code jvmOptions}, then the main class and its arguments, for
     * the commands of {@code set} (a family of commands, or {@code all}, see {@link StartupTraining}).
     */
    List<String> command(String java, List<String> jvmOptions, String set) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of(StartupTraining.class.getName(), endpoint.uri().toString(), folder.toString(),
                conversation.toString(), set));
        return command;
    }

    /** Runs {@code command} with its output into {@code log} and no input; its exit code, or -1 after five minutes. */
    static int run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // An end of input at once: the interactive chat of the training reads it and leaves.
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
    }

    @Override
    public void close() throws IOException {
        endpoint.close();
        deleteTree(folder);
    }

    static void deleteTree(Path folder) throws IOException {
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
