package io.redux.tools;

import java.util.Set;

/**
 * What {@code use_aws} allows, as an agent's {@code toolsSettings.use_aws} says in the original CLI's format.
 *
 * @param allowedServices services whose every operation runs without asking (read-only ones need no listing)
 * @param deniedServices  services refused outright, whatever else says
 */
public record UseAwsSettings(Set<String> allowedServices, Set<String> deniedServices) {

    /** No service listed: read-only operations run without asking, the others ask. */
    public static final UseAwsSettings DEFAULTS = new UseAwsSettings(Set.of(), Set.of());

    public UseAwsSettings {
        allowedServices = Set.copyOf(allowedServices);
        deniedServices = Set.copyOf(deniedServices);
    }
}
