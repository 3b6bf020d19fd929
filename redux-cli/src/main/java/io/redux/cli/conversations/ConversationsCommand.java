package io.redux.cli.conversations;

import picocli.CommandLine.Command;

@Command(
        name = "conversations",
        mixinStandardHelpOptions = true,
        description = "List, show, export, delete and migrate stored conversations.",
        subcommands = {ListCommand.class, ShowCommand.class, ExportCommand.class, DeleteCommand.class,
                MigrateCommand.class})
public final class ConversationsCommand {
}
