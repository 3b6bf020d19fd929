package io.redux.domain.port;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Where a model id is sent, in words a person or a script can read; it calls nothing.
 *
 * @param target             the service that answers, as a short key: {@code bedrock}, {@code sagemaker}
 * @param targetName         that service for people, with the calls it gets
 * @param service            the service's name as its provider spells it: {@code bedrock-runtime}
 * @param region             the region called
 * @param endpoint           the endpoint called
 * @param endpointOverridden whether {@code endpoint} replaces the service's own (set by the application)
 * @param identifierLabel    what {@code identifier} is, for people: "Model id sent", "Endpoint name"
 * @param identifier         what the request names
 * @param notes              the route's further settings, in order; one the route leaves unset has a null value
 */
public record ModelRouteDescription(
        String target,
        String targetName,
        String service,
        String region,
        URI endpoint,
        boolean endpointOverridden,
        String identifierLabel,
        String identifier,
        List<Note> notes) {

    public ModelRouteDescription {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(endpoint, "endpoint");
        notes = List.copyOf(notes);
    }

    /**
     * One further setting of a route.
     *
     * @param key   its key for scripts: {@code inference_component}
     * @param label its name for people: "Inference component"
     * @param value its value, or null when the route leaves it unset
     */
    public record Note(String key, String label, String value) {
    }
}
