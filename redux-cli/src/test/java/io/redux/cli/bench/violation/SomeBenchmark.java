package io.redux.cli.bench.violation;

/** Stands for a class of redux-bench, which no module's class path holds. Test code only. */
public final class SomeBenchmark {
}
