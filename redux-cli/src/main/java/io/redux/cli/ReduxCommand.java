package io.redux.cli;

import io.redux.cli.aws.WhoamiCommand;
import io.redux.cli.chat.ChatCommand;
import io.redux.cli.conversations.ConversationsCommand;
import io.redux.cli.agent.AgentCommand;
import io.redux.cli.mcp.McpCommand;
import io.redux.cli.models.ModelsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(
        name = "redux_cli",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "AWS-native AI chat: models on Amazon Bedrock and SageMaker, conversations kept as JSON files.",
        footer = {"",
                "Environment:",
                "  REDUX_CONVERSATIONS_DIR     conversations folder (~/.amazon-q/conversations),",
                "                              or s3://BUCKET/PREFIX/ for an S3 bucket",
                "  REDUX_S3_KMS_KEY_ID         the KMS key S3 writes are encrypted with",
                "  REDUX_MODEL_ID              the model used when none is given",
                "  REDUX_ENDPOINT_URL          replaces the AWS endpoint of model calls",
                "  REDUX_READ_TIMEOUT          seconds of silence before a model call, or an",
                "                              answer that stalls, fails (90; at most 3600)",
                "  REDUX_CREDENTIAL_PROCESS_TIMEOUT",
                "                              seconds a profile's credential_process may run",
                "                              (60; at most 3600)",
                "  AWS_PROFILE, AWS_*          the standard AWS variables",
                "",
                "Exit codes: 0 success, 1 failure, 2 bad usage."})
public final class ReduxCommand {

    /**
     * The subcommands, by name, and those of the groups among them. picocli builds a command's model by reflection,
     * which is most of a short run's time, so a run builds only the commands it invokes; help and typos get them all.
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();
    private static final Map<String, Map<String, Class<?>>> GROUPS = Map.of(
            "conversations", ConversationsCommand.subcommands(),
            "models", ModelsCommand.subcommands(),
            "mcp", McpCommand.subcommands(),
            "agent", AgentCommand.subcommands());

    private static final List<String> HELP_OR_VERSION = List.of("--help", "-h", "--version", "-V");

    @Option(names = "--debug", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Show the stack trace of an unexpected error.")
    boolean debug;

    /** The command line with every subcommand, for completion and the man page: its model, nothing injected. */
    public static CommandLine commandLine() {
        CommandLine root = new CommandLine(new ReduxCommand(), CommandLine.defaultFactory());
        for (String name : SUBCOMMANDS.keySet()) {
            root.addSubcommand(name, commandLineOf(CommandLine.defaultFactory(), name, null));
        }
        return root;
    }

    /**
     * The command line that {@code args} need: only the commands they invoke (a group and the one subcommand of it
     * they name, or all of a group's for its help or a typo in it); none for {@code --version}; every top-level one,
     * without their own subcommands, for help, a missing command or a typo, whose messages list them. No option
     * before a command name takes a value, so the first words that are not options name them.
     */
    public static CommandLine commandLineFor(CommandLine.IFactory factory, String... args) {
        CommandLine root = new CommandLine(new ReduxCommand(), factory);
        List<String> words = words(args);
        String command = words.isEmpty() ? null : words.get(0);
        if (command != null && SUBCOMMANDS.containsKey(command)) {
            root.addSubcommand(command, commandLineOf(factory, command, words.size() > 1 ? words.get(1) : null));
        } else if (command != null || !asksForTheVersionWithoutHelp(args)) {
            // Help and a mistake at the top list the commands by name and description: not the groups' own
            // subcommands, a third of the commands' models. A loop, not a method reference to CommandLine: a lambda on
            // a Java 5 class makes the class-data archive dump link it early and then leave it out.
            for (Map.Entry<String, Class<?>> subcommand : SUBCOMMANDS.entrySet()) {
                root.addSubcommand(subcommand.getKey(), new CommandLine(subcommand.getValue(), factory));
            }
        }
        return root;
    }

    /** Command {@code name}; for a group, with only its subcommand {@code invoked} when that names one, else all. */
    private static CommandLine commandLineOf(CommandLine.IFactory factory, String name, String invoked) {
        CommandLine command = new CommandLine(SUBCOMMANDS.get(name), factory);
        Map<String, Class<?>> subcommands = GROUPS.getOrDefault(name, Map.of());
        if (invoked != null && subcommands.containsKey(invoked)) {
            command.addSubcommand(invoked, subcommands.get(invoked));
        } else {
            for (Map.Entry<String, Class<?>> subcommand : subcommands.entrySet()) {
                command.addSubcommand(subcommand.getKey(), subcommand.getValue());
            }
        }
        return command;
    }

    /**
     * The top-level command {@code args} run, or null when they run none: they name no command, or one that does not
     * exist, or ask for help or the version, which picocli answers without making a command object.
     */
    public static String runs(String... args) {
        List<String> words = words(args);
        if (words.isEmpty() || !SUBCOMMANDS.containsKey(words.get(0))) {
            return null;
        }
        List<String> options = Arrays.asList(args);
        return HELP_OR_VERSION.stream().anyMatch(options::contains) ? null : words.get(0);
    }

    /** The words of {@code args} that are not options: a command, its subcommand, then parameters. */
    private static List<String> words(String... args) {
        return Arrays.stream(args).filter(arg -> !arg.startsWith("-")).toList();
    }

    private static boolean asksForTheVersionWithoutHelp(String... args) {
        List<String> options = Arrays.asList(args);
        return (options.contains("--version") || options.contains("-V"))
                && !options.contains("--help") && !options.contains("-h");
    }

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> subcommands = new LinkedHashMap<>();
        subcommands.put("chat", ChatCommand.class);
        subcommands.put("conversations", ConversationsCommand.class);
        subcommands.put("models", ModelsCommand.class);
        subcommands.put("mcp", McpCommand.class);
        subcommands.put("agent", AgentCommand.class);
        subcommands.put("whoami", WhoamiCommand.class);
        return subcommands;
    }
}
