package io.redux.cli;

import io.redux.cli.composition.Composition;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;

import java.util.List;

/**
 * Injects the command that is about to run, and only that one, so {@code --help}, {@code --version} and commands
 * that need nothing never pay for building the object graph.
 */
final class InjectingExecutionStrategy implements IExecutionStrategy {

    private final Composition composition;

    InjectingExecutionStrategy(Composition composition) {
        this.composition = composition;
    }

    @Override
    public int execute(ParseResult parseResult) {
        Integer helpExitCode = CommandLine.executeHelpRequest(parseResult);
        if (helpExitCode != null) {
            return helpExitCode;
        }
        List<CommandLine> parsed = parseResult.asCommandLineList();
        Object command = parsed.get(parsed.size() - 1).getCommand();
        if (Composition.needsInjection(command)) {
            composition.injectMembers(command);
        }
        return new CommandLine.RunLast().execute(parseResult);
    }
}
