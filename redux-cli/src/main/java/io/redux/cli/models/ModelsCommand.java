package io.redux.cli.models;

import picocli.CommandLine.Command;

@Command(name = "models", mixinStandardHelpOptions = true, description = "Where model ids are sent.",
        subcommands = {DescribeCommand.class})
public final class ModelsCommand {
}
