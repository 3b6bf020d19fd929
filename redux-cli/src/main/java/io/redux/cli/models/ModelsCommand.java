package io.redux.cli.models;

import picocli.CommandLine.Command;

import java.util.Map;

/** The {@code models} group; its subcommands are added by name, as the {@code conversations} group's are. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "Where model ids are sent.")
public final class ModelsCommand {

    /** The subcommands, by name. */
    public static Map<String, Class<?>> subcommands() {
        return Map.of("describe", DescribeCommand.class);
    }
}
