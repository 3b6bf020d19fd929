package io.redux.cli.composition;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.redux.cli.CliEnvironment;
import jakarta.inject.Inject;

import java.lang.reflect.Field;

/** The composition root: builds the object graph with Guice the first time a command needs it. */
public final class Composition {

    private final CliEnvironment environment;
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
            injector = Guice.createInjector(new CliModule(environment), new StorageModule(), new AwsModule(),
                    new ChatModule());
        }
        return injector;
    }
}
