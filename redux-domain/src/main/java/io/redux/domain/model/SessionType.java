package io.redux.domain.model;

/**
 * The {@code session_type} values Redux writes. Stored as a string so a value written by a newer version is kept.
 */
public final class SessionType {

    public static final String INTERACTIVE = "interactive";
    public static final String NON_INTERACTIVE = "non_interactive";
    public static final String MIGRATED = "migrated";

    private SessionType() {
    }
}
