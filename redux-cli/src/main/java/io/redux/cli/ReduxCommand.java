package io.redux.cli;

import io.redux.cli.aws.WhoamiCommand;
import io.redux.cli.chat.ChatCommand;
import io.redux.cli.conversations.ConversationsCommand;
import io.redux.cli.models.ModelsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "redux_cli",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "AWS-native AI chat: models on Amazon Bedrock and SageMaker, conversations kept as JSON files.",
        subcommands = {ChatCommand.class, ConversationsCommand.class, ModelsCommand.class, WhoamiCommand.class},
        footer = {"",
                "Environment:",
                "  REDUX_CONVERSATIONS_DIR  conversations folder (~/.amazon-q/conversations)",
                "  REDUX_MODEL_ID           the model used when none is given",
                "  REDUX_ENDPOINT_URL       replaces the AWS endpoint of model calls",
                "  AWS_PROFILE, AWS_*       the standard AWS variables",
                "",
                "Exit codes: 0 success, 1 failure, 2 bad usage."})
public final class ReduxCommand {

    @Option(names = "--debug", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Show the stack trace of an unexpected error.")
    boolean debug;
}
