package io.redux.aws;

import java.time.Duration;

/**
 * The one retry layer around model calls, and the circuit breaker behind it.
 *
 * @param maxAttempts          tries per call, the first included
 * @param initialBackoff       wait before the second try; each later wait is {@code multiplier} times longer
 * @param multiplier           growth of the wait per try
 * @param jitter               randomization of each wait, 0 to 1 (0.5 = anywhere from half to one and a half)
 * @param maxBackoff           the longest wait between tries
 * @param failureRateThreshold percentage of failed calls, over the last {@code slidingWindow}, that opens the breaker
 * @param slidingWindow        calls the breaker looks back on
 * @param minimumCalls         calls seen before the breaker may open
 * @param openDuration         how long an open breaker refuses calls before it lets a trial call through
 */
public record ResilienceSettings(
        int maxAttempts,
        Duration initialBackoff,
        double multiplier,
        double jitter,
        Duration maxBackoff,
        float failureRateThreshold,
        int slidingWindow,
        int minimumCalls,
        Duration openDuration) {

    public static final ResilienceSettings DEFAULTS = builder().build();

    public ResilienceSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be from 0 to below 1, not " + jitter);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofMillis(500);
        private double multiplier = 2.0;
        private double jitter = 0.5;
        private Duration maxBackoff = Duration.ofSeconds(8);
        private float failureRateThreshold = 50;
        private int slidingWindow = 10;
        private int minimumCalls = 5;
        private Duration openDuration = Duration.ofSeconds(30);

        private Builder() {
        }

        public Builder maxAttempts(int value) {
            maxAttempts = value;
            return this;
        }

        public Builder initialBackoff(Duration value) {
            initialBackoff = value;
            return this;
        }

        public Builder multiplier(double value) {
            multiplier = value;
            return this;
        }

        public Builder jitter(double value) {
            jitter = value;
            return this;
        }

        public Builder maxBackoff(Duration value) {
            maxBackoff = value;
            return this;
        }

        public Builder failureRateThreshold(float value) {
            failureRateThreshold = value;
            return this;
        }

        public Builder slidingWindow(int value) {
            slidingWindow = value;
            return this;
        }

        public Builder minimumCalls(int value) {
            minimumCalls = value;
            return this;
        }

        public Builder openDuration(Duration value) {
            openDuration = value;
            return this;
        }

        public ResilienceSettings build() {
            return new ResilienceSettings(maxAttempts, initialBackoff, multiplier, jitter, maxBackoff,
                    failureRateThreshold, slidingWindow, minimumCalls, openDuration);
        }
    }
}
