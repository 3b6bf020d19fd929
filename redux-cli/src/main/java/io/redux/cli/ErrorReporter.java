package io.redux.cli;

import io.redux.cli.output.TerminalText;
import io.redux.domain.error.ReduxException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The one place where errors become exit codes and one-line messages. A stack trace is shown only with --debug.
 * Messages can quote a file or a model, so their control characters are shown, not sent ({@link TerminalText}).
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {

    static final int FAILURE = 1;
    static final int USAGE = 2;

    private final PrintWriter err;

    ErrorReporter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        err.println("redux_cli: " + oneLine(e.getMessage()) + " (see '" + qualifiedName(command) + " --help')");
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        boolean debug = parseResult.hasMatchedOption("--debug");
        if (debug) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(TerminalText.escape(trace.toString()));
        }
        if (e instanceof ReduxException redux) {
            err.println("redux_cli: " + oneLine(redux.getMessage()));
            return redux.isUsageError() ? USAGE : FAILURE;
        }
        err.println("redux_cli: unexpected error: " + oneLine(String.valueOf(e))
                + (debug ? "" : " (run again with --debug to see where)"));
        return FAILURE;
    }

    private static String qualifiedName(CommandLine command) {
        return command.getCommandSpec().qualifiedName();
    }

    private static String oneLine(String message) {
        return message == null ? "" : TerminalText.escape(message.strip().replaceAll("\\s*\\R\\s*", " "));
    }
}
