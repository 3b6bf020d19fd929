package io.redux.cli.composition;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.redux.aws.Closeables;
import io.redux.cli.CliEnvironment;
import jakarta.inject.Inject;

import java.lang.reflect.Field;

/**
 * The composition root: builds the object graph with Guice the first time a command needs it, and closes what the
 * graph opened when the command ends.
 */
public final class Composition implements AutoCloseable {

    private final CliEnvironment environment;
    private final Closeables resources = new Closeables();
    private Injector injector;

    public Composition(CliEnvironment environment) {
        this.environment = environment;
    }

    public void injectMembers(Object command) {
        injector().injectMembers(command);
    }

    /** Whether the command declares {@code @Inject} fields, so commands that need nothing skip Guice entirely. */
    public static boolean needsInjection(Object command) {
        for (Class<?> type = command.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(Inject.class)) {
                    return true;
                }
            }
        }
        return false;
    }

    private synchronized Injector injector() {
        if (injector == null) {
            injector = Guice.createInjector(new CliModule(environment, resources), new StorageModule(), new AwsModule(),
                    new ChatModule());
        }
        return injector;
    }

    /**
     * Closes the AWS clients a command built. Their threads would otherwise outlive it, and the JVM's exit waits for
     * a thread still in native code, such as an idle event loop in {@code epoll_wait}.
     */
    @Override
    public void close() {
        resources.close();
    }
}
