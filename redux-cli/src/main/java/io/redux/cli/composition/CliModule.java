package io.redux.cli.composition;

import com.google.inject.AbstractModule;
import io.redux.cli.CliEnvironment;

import java.time.Clock;

/** What every command may ask for: the environment it runs in and the clock. */
final class CliModule extends AbstractModule {

    private final CliEnvironment environment;

    CliModule(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    protected void configure() {
        bind(CliEnvironment.class).toInstance(environment);
        bind(Clock.class).toInstance(Clock.systemUTC());
    }
}
