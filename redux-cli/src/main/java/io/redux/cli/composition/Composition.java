package io.redux.cli.composition;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.redux.aws.Closeables;
import io.redux.aws.RegionMetadata;
import io.redux.cli.CliEnvironment;
import picocli.CommandLine;

import java.util.Set;

/**
 * The composition root, the one place objects are made: picocli gets every command from it
 * ({@link #commandFactory()}), and Guice builds each on demand. Bindings are lazy (development stage: no singleton
 * built ahead; what a command uses only through a {@code Provider} is built when it asks), so {@code --help} builds
 * no AWS client and no storage. When the command ends, the root closes what the graph opened.
 */
public final class Composition implements AutoCloseable {

    /** The commands whose every run builds an AWS client. */
    private static final Set<String> CALLS_AWS = Set.of("chat", "whoami");

    private final CliEnvironment environment;
    private final Closeables resources = new Closeables();
    private Injector injector;

    public Composition(CliEnvironment environment) {
        this.environment = environment;
    }

    /**
     * Makes the commands with Guice. picocli's own parts (type converters, the version provider, the collections it
     * fills) need nothing and are made as picocli makes them; picocli makes a command only when it needs the object,
     * so a run that never does, such as {@code --help}, never starts Guice.
     */
    public CommandLine.IFactory commandFactory() {
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return madeByPicocli(type) ? CommandLine.defaultFactory().create(type) : injector().getInstance(type);
            }
        };
    }

    /**
     * Starts, in the background, what {@code command} (a top-level command's name, or null) will need first and can
     * be had before its options are even parsed: for the commands that call AWS, the SDK's region metadata.
     *
     * @return whether something was started
     */
    public boolean prepareFor(String command) {
        if (command == null || !CALLS_AWS.contains(command)) {
            return false;
        }
        RegionMetadata.loadInBackground();
        return true;
    }

    private static boolean madeByPicocli(Class<?> type) {
        return type.isInterface() || CommandLine.ITypeConverter.class.isAssignableFrom(type)
                || CommandLine.IVersionProvider.class.isAssignableFrom(type);
    }

    private synchronized Injector injector() {
        if (injector == null) {
            injector = Guice.createInjector(Stage.DEVELOPMENT, new CliModule(environment, resources),
                    new StorageModule(), new AwsModule(), new ChatModule());
        }
        return injector;
    }

    /**
     * Closes what the command opened: the AWS clients, whose threads would otherwise outlive it (the JVM's exit waits
     * for a thread still in native code, such as an idle event loop in {@code epoll_wait}), and the terminal.
     */
    @Override
    public void close() {
        resources.close();
    }
}
