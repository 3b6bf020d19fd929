package io.redux.cli.violation;

import com.google.inject.Injector;

/** Breaks the rules on purpose, to show the architecture rules catch it. Test code only. */
public final class CommandUsingGuice {

    public Class<?> injector() {
        return Injector.class;
    }
}
