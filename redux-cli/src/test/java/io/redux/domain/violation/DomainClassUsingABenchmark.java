package io.redux.domain.violation;

import io.redux.cli.bench.violation.SomeBenchmark;

/** Breaks the rules on purpose, to show the architecture rules catch it. Test code only. */
public final class DomainClassUsingABenchmark {

    public Object benchmark() {
        return new SomeBenchmark();
    }
}
