package io.redux.cli.composition;

import com.google.inject.AbstractModule;
import io.redux.aws.Closeables;
import io.redux.cli.CliEnvironment;

import java.time.Clock;

/** What every command may ask for: the environment it runs in and the clock; and where open resources go. */
final class CliModule extends AbstractModule {

    private final CliEnvironment environment;
    private final Closeables resources;

    CliModule(CliEnvironment environment, Closeables resources) {
        this.environment = environment;
        this.resources = resources;
    }

    @Override
    protected void configure() {
        bind(CliEnvironment.class).toInstance(environment);
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(Closeables.class).toInstance(resources);
    }
}
