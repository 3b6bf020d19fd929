package io.redux.domain.chat;

import io.redux.domain.error.InvalidInputException;

/** A new conversation was to be started with no model given and no default model set. */
public class ModelRequiredException extends InvalidInputException {

    public ModelRequiredException() {
        super("A new conversation needs a model.");
    }
}
