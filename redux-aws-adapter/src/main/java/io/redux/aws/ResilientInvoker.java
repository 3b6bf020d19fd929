package io.redux.aws;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.error.ModelInvocationException.Reason;
import io.redux.domain.port.ModelResponse;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one retry layer: Resilience4j retries (exponential backoff with jitter) around a circuit breaker per model
 * endpoint. Only {@link RetryableModelException}s are tried again, and never once part of a streamed answer reached
 * the user (a second answer would repeat text already shown).
 */
final class ResilientInvoker {

    private final ResilienceSettings settings;
    private final Map<String, Breaker> breakers = new ConcurrentHashMap<>();

    /**
     * A circuit breaker and the last failure it counted: while open it refuses calls without making them, so its
     * message must say what the fault was, or the user never learns it.
     */
    private record Breaker(CircuitBreaker circuit, AtomicReference<String> lastFailure) {
    }

    public ResilientInvoker(ResilienceSettings settings) {
        this.settings = settings;
    }

    /**
     * Makes a streamed call, each try feeding a fresh collector from {@code freshCollector}, until it succeeds, fails
     * for good, or runs out of tries; once a collector has passed output on to the user ({@code committed}), no
     * further try is made. {@code attempt} translates its own failures (a {@link ModelInvocationException}), since
     * what the listener threw must reach the caller as it is.
     */
    public ModelResponse stream(CallContext context, Supplier<AnswerCollector> freshCollector,
                                Function<AnswerCollector, ModelResponse> attempt) {
        AtomicReference<AnswerCollector> current = new AtomicReference<>();
        AtomicInteger tries = new AtomicInteger();
        Breaker breaker = breakers.computeIfAbsent(context.region() + ' ' + context.identifier() + ' '
                + context.endpoint(), this::breaker);
        Retry retry = Retry.of("model-call", RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(),
                        settings.multiplier(), settings.jitter(), settings.maxBackoff()))
                .retryOnException(e -> e instanceof RetryableModelException
                        && (current.get() == null || !current.get().committed()))
                .failAfterMaxAttempts(false)
                .build());
        Supplier<ModelResponse> counted = () -> {
            tries.incrementAndGet();
            AnswerCollector collector = freshCollector.get();
            current.set(collector);
            return attempt.apply(collector);
        };
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker.circuit(), counted)).get();
        } catch (CallNotPermittedException e) {
            throw new ModelInvocationException(Reason.SERVICE_UNAVAILABLE, context.service() + " failed repeatedly for "
                    + context.model() + " in " + context.region() + "; Redux pauses calls to it for "
                    + settings.openDuration().toSeconds() + " s. The last failure: "
                    + breaker.lastFailure().get(), e);
        } catch (RetryableModelException e) {
            if (tries.get() > 1 && e.reason() == Reason.THROTTLED) {
                throw new ModelInvocationException(Reason.THROTTLED, "Still throttled after " + tries.get() + " tries: "
                        + e.getMessage(), e.getCause());
            }
            if (tries.get() > 1) {
                throw new ModelInvocationException(e.reason(), e.getMessage() + " (gave up after " + tries.get()
                        + " tries)", e.getCause());
            }
            throw e;
        }
    }

    private Breaker breaker(String name) {
        CircuitBreaker circuit = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindow())
                .minimumNumberOfCalls(settings.minimumCalls())
                .waitDurationInOpenState(settings.openDuration())
                .recordException(e -> e instanceof RetryableModelException)
                .build());
        AtomicReference<String> lastFailure = new AtomicReference<>();
        circuit.getEventPublisher().onError(event -> lastFailure.set(event.getThrowable().getMessage()));
        return new Breaker(circuit, lastFailure);
    }
}
