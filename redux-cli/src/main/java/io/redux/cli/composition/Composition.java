package io.redux.cli.composition;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.redux.aws.Closeables;
import io.redux.aws.RegionMetadata;
import io.redux.cli.CliEnvironment;
import io.redux.storage.json.JsonConversationRepository;
import picocli.CommandLine;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

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
    /** Runs once, on whichever thread comes first: the one {@link #prepareFor} starts, or the first command made. */
    private final FutureTask<Injector> graph = new FutureTask<>(this::createInjector);

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
     * Starts, on threads of their own, what {@code command} (a top-level command's name, or null when the command line
     * runs none) will need and can be had before its options are even parsed: the object graph, whose construction
     * (Guice reflecting over every module) then runs beside picocli's building of the command model; for the commands
     * that call AWS, the SDK's region metadata; for the chat, which saves its conversation, Jackson's mapper.
     *
     * @return what was started
     */
    public Set<Preparation> prepareFor(String command) {
        Set<Preparation> started = EnumSet.noneOf(Preparation.class);
        if (command == null) {
            return started;
        }
        Thread builder = new Thread(graph, "redux-composition");
        builder.setDaemon(true);
        builder.start();
        started.add(Preparation.OBJECT_GRAPH);
        if (CALLS_AWS.contains(command)) {
            RegionMetadata.loadInBackground();
            started.add(Preparation.AWS_REGION_METADATA);
        }
        if (command.equals("chat")) {
            JsonConversationRepository.prepareInBackground();
            started.add(Preparation.JSON_MAPPER);
        }
        return started;
    }

    /** What {@link #prepareFor} may start ahead. */
    public enum Preparation { OBJECT_GRAPH, AWS_REGION_METADATA, JSON_MAPPER }

    private static boolean madeByPicocli(Class<?> type) {
        return type.isInterface() || CommandLine.ITypeConverter.class.isAssignableFrom(type)
                || CommandLine.IVersionProvider.class.isAssignableFrom(type);
    }

    /** The object graph: built by the thread {@link #prepareFor} started, or else here and now. */
    private Injector injector() {
        graph.run();
        try {
            return graph.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the object graph was built", e);
        }
    }

    private Injector createInjector() {
        return Guice.createInjector(Stage.DEVELOPMENT, new CliModule(environment, resources), new StorageModule(),
                new AwsModule(), new ChatModule());
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
