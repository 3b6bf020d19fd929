package io.redux.cli.bench;

import java.util.Arrays;

/** Measured times of one kind, in milliseconds, and the figures the benchmarks report of them. */
record Samples(double[] values) {

    Samples {
        values = values.clone();
        Arrays.sort(values);
    }

    double median() {
        return values[values.length / 2];
    }

    double min() {
        return values[0];
    }

    double p90() {
        return values[values.length * 9 / 10];
    }
}
