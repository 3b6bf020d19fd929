package io.redux.domain.port;

import io.redux.domain.error.InvalidInputException;

/**
 * @param maxTokens   the most tokens an answer may have, or null for the model's default
 * @param temperature sampling temperature from 0 to 1, or null for the model's default
 */
public record InferenceSettings(Integer maxTokens, Double temperature) {

    public static final InferenceSettings DEFAULTS = new InferenceSettings(null, null);

    public InferenceSettings {
        if (maxTokens != null && maxTokens < 1) {
            throw new InvalidInputException("max tokens must be at least 1, not " + maxTokens);
        }
        if (temperature != null && (temperature < 0 || temperature > 1)) {
            throw new InvalidInputException("temperature must be between 0 and 1, not " + temperature);
        }
    }
}
