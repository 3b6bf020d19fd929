package io.redux.cli.chat;

import io.redux.cli.CliEnvironment;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.ModelId;

/** The model of a new conversation when {@code --model-id} is not given. */
public final class ChatDefaults {

    public static final String MODEL_VARIABLE = "REDUX_MODEL_ID";
    /** The documented default: Claude 3.5 Sonnet v2 on Bedrock in us-east-1. */
    public static final ModelId DEFAULT_MODEL = ModelId.parse(ModelId.EXAMPLE);

    private ChatDefaults() {
    }

    /** {@code REDUX_MODEL_ID}, else {@link #DEFAULT_MODEL}. */
    public static ModelId defaultModel(CliEnvironment environment) {
        String configured = environment.variable(MODEL_VARIABLE);
        if (configured == null) {
            return DEFAULT_MODEL;
        }
        try {
            return ModelId.parse(configured.strip());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(MODEL_VARIABLE + ": " + e.getMessage());
        }
    }
}
