package io.redux.cli.distribution;

import io.redux.cli.ReduxCommand;
import io.redux.cli.VersionProvider;
import picocli.AutoComplete;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build-time step: writes the shell completion script and the manual page, both generated from the picocli model,
 * into a distribution folder.
 *
 * <pre>java -cp CLASSPATH io.redux.cli.distribution.DistributionFiles DISTRIBUTION_FOLDER</pre>
 */
public final class DistributionFiles {

    /** Sourced by bash, and by zsh (the script turns on zsh's bash completion emulation itself). */
    public static final String COMPLETION = "share/completion/redux_cli.bash";
    public static final String MAN_PAGE = "share/man/man1/redux_cli.1";

    private DistributionFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DistributionFiles DISTRIBUTION_FOLDER");
            System.exit(2);
        }
        write(Path.of(args[0]));
    }

    public static void write(Path distribution) throws IOException {
        CommandLine commandLine = ReduxCommand.commandLine();
        String name = commandLine.getCommandName();
        write(distribution.resolve(COMPLETION), AutoComplete.bash(name, commandLine));
        write(distribution.resolve(MAN_PAGE), ManPage.of(commandLine, VersionProvider.version()));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
