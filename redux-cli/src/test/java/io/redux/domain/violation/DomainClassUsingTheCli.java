package io.redux.domain.violation;

import io.redux.cli.CliEnvironment;

/** Breaks the rules on purpose, to show the architecture rules catch it. Test code only. */
public final class DomainClassUsingTheCli {

    public Class<?> environment() {
        return CliEnvironment.class;
    }
}
