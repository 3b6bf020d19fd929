package io.redux.cli.composition;

import io.redux.aws.http.NetworkSettings;
import io.redux.domain.error.InvalidInputException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;

/**
 * The CLI's own variables for the AWS adapter, read here and handed to it as settings: the adapter knows no
 * {@code REDUX_*} name, and its errors name these as the CLI gives them.
 */
final class AwsVariables {

    /** Replaces the endpoint of model calls (VPC endpoints, proxies, local stubs). */
    static final String ENDPOINT_URL = "REDUX_ENDPOINT_URL";
    /** Seconds of silence after which a model call, or an answer that stopped streaming, fails. */
    static final String READ_TIMEOUT = "REDUX_READ_TIMEOUT";
    /** Seconds a profile's {@code credential_process} may run before it is killed. */
    static final String CREDENTIAL_PROCESS_TIMEOUT = "REDUX_CREDENTIAL_PROCESS_TIMEOUT";
    /** The option that chooses a profile. */
    static final String PROFILE_OPTION = "--profile";
    /**
     * The longest either timeout may be: a value beyond it is a mistake (a unit misread), and an hour already
     * outlasts any model answer or sign-in a person waits for.
     */
    static final Duration MAXIMUM_TIMEOUT = Duration.ofHours(1);

    private AwsVariables() {
    }

    /**
     * {@code REDUX_READ_TIMEOUT}: seconds, such as {@code 300} or {@code 0.5}; at least a millisecond, at most
     * {@link #MAXIMUM_TIMEOUT}.
     */
    static Duration readTimeout(Map<String, String> env) {
        String value = env.get(READ_TIMEOUT);
        if (value == null || value.isBlank()) {
            return NetworkSettings.DEFAULT_READ_TIMEOUT;
        }
        try {
            long millis = new BigDecimal(value.strip()).movePointRight(3).setScale(0, RoundingMode.DOWN).longValueExact();
            if (millis >= 1) {
                return atMostAnHour(READ_TIMEOUT, value, Duration.ofMillis(millis));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // Explained below.
        }
        throw new InvalidInputException(READ_TIMEOUT + " " + InvalidInputException.quote(value)
                + " is not a number of seconds; set it to e.g. 300 (the default is "
                + NetworkSettings.DEFAULT_READ_TIMEOUT.toSeconds() + ", at most " + MAXIMUM_TIMEOUT.toSeconds() + ").");
    }

    /**
     * {@code REDUX_CREDENTIAL_PROCESS_TIMEOUT}: how many seconds a profile's {@code credential_process} may run
     * (decimals allowed, at most {@link #MAXIMUM_TIMEOUT}), or null when unset.
     *
     * @throws InvalidInputException when it is not a positive number, or too large
     */
    static Duration credentialProcessTimeout(Map<String, String> env) {
        String value = env.get(CREDENTIAL_PROCESS_TIMEOUT);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip();
        try {
            long millis = new BigDecimal(value).movePointRight(3).setScale(0, RoundingMode.UP).longValueExact();
            if (millis > 0) {
                return atMostAnHour(CREDENTIAL_PROCESS_TIMEOUT, value, Duration.ofMillis(millis));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below, with the value
        }
        throw new InvalidInputException(CREDENTIAL_PROCESS_TIMEOUT + " must be a number of seconds greater than 0, not "
                + InvalidInputException.quote(value));
    }

    private static Duration atMostAnHour(String variable, String value, Duration timeout) {
        if (timeout.compareTo(MAXIMUM_TIMEOUT) > 0) {
            throw new InvalidInputException(variable + " " + InvalidInputException.quote(value.strip())
                    + " is longer than the maximum, " + MAXIMUM_TIMEOUT.toSeconds() + " seconds; set it to at most "
                    + MAXIMUM_TIMEOUT.toSeconds() + ".");
        }
        return timeout;
    }
}
