package io.redux.domain.port;

/** The sources of the credentials chain, in the order they are tried. */
public enum CredentialOrigin {
    ENVIRONMENT("environment"),
    PROFILE("profile"),
    WEB_IDENTITY("web-identity"),
    CONTAINER("container"),
    INSTANCE_METADATA("instance-metadata");

    private final String displayName;

    CredentialOrigin(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
