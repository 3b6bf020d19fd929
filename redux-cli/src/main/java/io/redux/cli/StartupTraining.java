package io.redux.cli;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training run of the start-up archives the build makes (the JDK 25 AOT caches, or JDK 17's class-data archive):
 * runs the everyday commands once, in one JVM, so every class they load, and on JDK 25 every call site they link, is in
 * the archive. One family of commands per JDK 25 AOT cache, as the launcher
 * picks them by the command's first word: {@code help} ({@code --version}, {@code --help}, a usage error),
 * {@code list} (the listing, the most frequent), {@code conversations} (the group's other commands: show, export...;
 * no AWS SDK) and {@code chat} (a one-shot chat, {@code whoami} and
 * the interactive chat up to its prompt, against the endpoint); or {@code all} of them, for JDK 17's archive. A JDK 25 AOT cache loads every class it holds
 * when the JVM starts, so {@code --help} should not pay for the listing's classes, nor a listing for the SDK's.
 *
 * <p>The build starts it with the distribution's own class path and nothing else, because a JVM uses an AOT cache
 * only with the class path it was trained with: that is why this class ships in the jar (a few lines, reachable only
 * by naming it as the main class) while the endpoint and the throw-away conversations folder it talks to are the
 * build's ({@code io.redux.cli.distribution.Training}). Prints nothing; exits non-zero if a command fails, since a
 * failing step would leave its classes out of the archive in silence, and its command slow.
 *
 * <pre>
 * java -cp LIB io.redux.cli.StartupTraining ENDPOINT_URL CONVERSATIONS_FOLDER CONVERSATION_ID help|list|conversations|chat|all
 * </pre>
 */
public final class StartupTraining {

    private StartupTraining() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        if (args.length != 4 || !List.of("help", "list", "conversations", "chat", "all").contains(args[3])) {
            System.err.println("usage: StartupTraining ENDPOINT_URL CONVERSATIONS_FOLDER CONVERSATION_ID"
                    + " help|list|conversations|chat|all");
            System.exit(2);
        }
        String endpoint = args[0];
        Path folder = Path.of(args[1]);
        String conversation = args[2];
        Map<String, List<List<String>>> families = new LinkedHashMap<>();
        families.put("help", List.of(
                List.of("--version"),
                List.of("--help"),
                // And the path of a mistake: the usage error.
                List.of("no-such-command")));
        families.put("list", List.of(
                List.of("conversations", "list"),
                List.of("conversations", "list", "--json", "--limit", "5")));
        families.put("conversations", List.of(
                List.of("conversations", "--help"),
                List.of("conversations", "show", conversation),
                List.of("conversations", "export", conversation, "--format", "markdown"),
                List.of("conversations", "export", conversation),
                // And the path of a mistake: the error report.
                List.of("conversations", "show", "not-a-uuid")));
        families.put("chat", List.of(
                List.of("chat", "--no-interactive", "What does the build do?"),
                List.of("whoami"),
                // The interactive chat up to its prompt: with no terminal here, JLine falls back to a dumb one on
                // this JVM's stdin, which the build closes, so the chat reads an end of input and leaves.
                List.of("chat")));
        // The launcher's entry point is not run here (it exits the JVM), but it belongs in the archive.
        Class.forName(Main.class.getName(), false, StartupTraining.class.getClassLoader());
        LibraryLogging.configure(false);
        // What main builds before any command (its environment: the user's home, the console, stdin's kind), which the
        // commands below are given a made-up copy of; a class missing from the cache costs its jar's opening.
        CliEnvironment.system();
        List<List<String>> training = new ArrayList<>();
        families.forEach((family, commands) -> {
            if (args[3].equals("all") || args[3].equals(family)) {
                training.addAll(commands);
            }
        });
        for (List<String> command : training) {
            boolean interactive = command.equals(List.of("chat"));
            int exit = ReduxCli.execute(environment(folder, endpoint, interactive), command.toArray(String[]::new));
            boolean mistake = command.contains("not-a-uuid") || command.contains("no-such-command");
            if (exit != 0 && !mistake) {
                System.err.println("training: redux_cli " + String.join(" ", command) + " exited with " + exit);
                System.exit(1);
            }
        }
        System.exit(0);
    }

    private static CliEnvironment environment(Path folder, String endpoint, boolean interactive) {
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream(), true);
        Map<String, String> variables = Map.of(
                CliEnvironment.CONVERSATIONS_FOLDER_VARIABLE, folder.toString(),
                "REDUX_ENDPOINT_URL", endpoint,
                "AWS_ENDPOINT_URL_STS", endpoint,
                "AWS_ACCESS_KEY_ID", "AKIATRAININGTRAINING",
                "AWS_SECRET_ACCESS_KEY", "training",
                "AWS_EC2_METADATA_DISABLED", "true");
        return new CliEnvironment(variables, folder, folder, new ByteArrayInputStream(new byte[0]), nowhere, nowhere,
                interactive);
    }
}
