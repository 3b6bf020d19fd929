package io.redux.runtime;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.logging.Logger;

/**
 * The JDK's own loggers ({@code System.Logger}: those of {@code System.exit}, of the HTTP client...) on
 * {@code java.util.logging}, as with the JDK's default finder, so they follow its configuration: the CLI's, which
 * turns every logger off without {@code --debug}, or one the user gives. With the CLI's configuration they are
 * silent at once, without starting {@code java.util.logging}.
 */
public final class JavaUtilLoggingFinder extends System.LoggerFinder {

    /** The configuration class the CLI sets without --debug (io.redux.cli.LibraryLogging), by name. */
    private static final String CLI_CONFIGURATION_OFF = "io.redux.cli.LibraryLogging$Off";

    @Override
    public System.Logger getLogger(String name, Module module) {
        return CLI_CONFIGURATION_OFF.equals(System.getProperty("java.util.logging.config.class")) ? new Silent(name)
                : new OnJavaUtilLogging(Logger.getLogger(name));
    }

    private record Silent(String getName) implements System.Logger {

        @Override
        public boolean isLoggable(Level level) {
            return false;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... parameters) {
        }
    }

    /** With the levels the JDK's own bridge maps them to. */
    private record OnJavaUtilLogging(Logger logger) implements System.Logger {

        @Override
        public String getName() {
            return logger.getName();
        }

        @Override
        public boolean isLoggable(Level level) {
            return logger.isLoggable(of(level));
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            if (isLoggable(level)) {
                logger.logrb(of(level), bundle, message, thrown);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... parameters) {
            if (isLoggable(level)) {
                logger.logrb(of(level), bundle, parameters == null || parameters.length == 0 ? format
                        : MessageFormat.format(format, parameters), (Throwable) null);
            }
        }

        private static java.util.logging.Level of(Level level) {
            return switch (level) {
                case ALL -> java.util.logging.Level.ALL;
                case TRACE -> java.util.logging.Level.FINER;
                case DEBUG -> java.util.logging.Level.FINE;
                case INFO -> java.util.logging.Level.INFO;
                case WARNING -> java.util.logging.Level.WARNING;
                case ERROR -> java.util.logging.Level.SEVERE;
                case OFF -> java.util.logging.Level.OFF;
            };
        }
    }
}
