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

    /** How to raise the limit: the launcher passes REDUX_JAVA_OPTS to the JVM. */
    private static final String MORE_MEMORY = "give Java more memory with REDUX_JAVA_OPTS=-Xmx"
            + Math.max(1, (2 * maxHeapMegabytes() + 1023) / 1024) + "g (for example)";

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
            err.println("redux_cli: " + oneLine(Hints.line(redux)) + moreMemory(redux));
            return redux.isUsageError() ? USAGE : FAILURE;
        }
        err.println("redux_cli: unexpected error: " + oneLine(String.valueOf(e))
                + (debug ? "" : " (run again with --debug to see where)"));
        return FAILURE;
    }

    /**
     * Out of memory anywhere in a command: picocli lets errors through, so {@link ReduxCli} hands them here. By the
     * time it arrives here, what filled the heap is unreachable, so this line can still be printed.
     */
    int handleOutOfMemory(OutOfMemoryError e, boolean debug) {
        if (debug) {
            e.printStackTrace(err);
        }
        err.println("redux_cli: out of memory: this command needed more than the " + maxHeapMegabytes()
                + " MB Java may use; " + MORE_MEMORY);
        return FAILURE;
    }

    /** A store that ran out of memory says what was too large; how to give Java more is the launcher's part. */
    private static String moreMemory(ReduxException e) {
        return e.getCause() instanceof OutOfMemoryError ? "; " + MORE_MEMORY : "";
    }

    private static long maxHeapMegabytes() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    private static String qualifiedName(CommandLine command) {
        return command.getCommandSpec().qualifiedName();
    }

    private static String oneLine(String message) {
        return message == null ? "" : TerminalText.escape(message.strip().replaceAll("\\s*\\R\\s*", " "));
    }
}
