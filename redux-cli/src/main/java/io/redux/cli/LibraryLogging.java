package io.redux.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * Keeps the libraries' logging off the terminal: a CLI's stderr is for its own one-line errors. The AWS SDK logs
 * through SLF4J, which the CLI binds to slf4j-nop; Netty refuses a no-op SLF4J and logs through
 * {@code java.util.logging} instead, whose default handler prints warnings (45 lines of stack trace for one bad
 * answer) on stderr; Guice logs there too. With {@code --debug} the JDK's default logging stays, so library warnings
 * show next to the stack trace.
 *
 * <p>Costs nothing at start: it only names the configuration class, which the JDK loads if and when something first
 * logs. A configuration the user gives ({@code -Djava.util.logging.config.file} in {@code REDUX_JAVA_OPTS}) wins.
 */
public final class LibraryLogging {

    private static final String CONFIG_CLASS = "java.util.logging.config.class";
    private static final String CONFIG_FILE = "java.util.logging.config.file";
    /** Named, not referenced, so that a run that never logs never loads it. */
    private static final String OFF = "io.redux.cli.LibraryLogging$Off";

    private LibraryLogging() {
    }

    /** Called first thing by {@code main}, and by the class-data archive's training run so its classes are archived. */
    public static void configure(boolean debug) {
        if (!debug && System.getProperty(CONFIG_CLASS) == null && System.getProperty(CONFIG_FILE) == null) {
            System.setProperty(CONFIG_CLASS, OFF);
        }
    }

    /** The {@code java.util.logging} configuration without --debug: no handler, every logger off. */
    public static final class Off {
        public Off() throws IOException {
            LogManager.getLogManager().readConfiguration(
                    new ByteArrayInputStream("handlers=\n.level=OFF\n".getBytes(StandardCharsets.ISO_8859_1)));
        }
    }
}
