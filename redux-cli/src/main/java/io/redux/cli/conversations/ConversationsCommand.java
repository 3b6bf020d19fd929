package io.redux.cli.conversations;

import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code conversations} group; its subcommands are added by name, so a run builds only the one it invokes. */
@Command(
        name = "conversations",
        mixinStandardHelpOptions = true,
        description = "List, show, export, delete, migrate and import stored conversations.")
public final class ConversationsCommand {

    /** The subcommands, by name, in the order help lists them. */
    public static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> subcommands = new LinkedHashMap<>();
        subcommands.put("list", ListCommand.class);
        subcommands.put("show", ShowCommand.class);
        subcommands.put("export", ExportCommand.class);
        subcommands.put("delete", DeleteCommand.class);
        subcommands.put("migrate", MigrateCommand.class);
        subcommands.put("import", ImportCommand.class);
        return subcommands;
    }
}
