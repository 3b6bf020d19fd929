package io.redux.domain.violation;

import java.io.IOException;

/** Breaks the rules on purpose, to show the architecture rules catch it. Test code only. */
public final class DomainClassStartingAProcess {

    public void run() throws IOException {
        Runtime.getRuntime().exec(new String[] {"true"});
    }
}
