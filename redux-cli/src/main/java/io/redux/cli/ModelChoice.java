package io.redux.cli;

import io.redux.domain.model.ModelId;

/** Which model a command uses when the user does not name one. */
public final class ModelChoice {

    public static final String VARIABLE = "REDUX_MODEL_ID";
    public static final ModelId DEFAULT = ModelId.parse("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0");

    private ModelChoice() {
    }

    /** The explicit choice, else {@code REDUX_MODEL_ID}, else {@link #DEFAULT}. */
    public static ModelId resolve(String explicit, CliEnvironment environment) {
        if (explicit != null) {
            return ModelId.parse(explicit);
        }
        String configured = environment.variable(VARIABLE);
        return configured != null ? ModelId.parse(configured) : DEFAULT;
    }
}
