package io.redux.cli.violation;

import java.io.IOException;

/** Breaks the rules on purpose, to show the architecture rules catch it. Test code only. */
public final class CommandStartingAProcess {

    public Process open() throws IOException {
        return new ProcessBuilder("true").start();
    }
}
