package io.redux.domain.port;

import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.ModelId;

/**
 * Tells where a model id is sent, without calling anything: to show it, and to refuse a model id that names nothing
 * before a conversation is touched.
 */
public interface ModelRoutes {

    /** @throws InvalidInputException when {@code model} is well formed but names nothing its service can call */
    ModelRouteDescription describe(ModelId model);
}
