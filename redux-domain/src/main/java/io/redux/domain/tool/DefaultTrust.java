package io.redux.domain.tool;

/**
 * How far a tool is trusted before the user says anything about it. The user's own choices (trusting a tool, or
 * untrusting it, for the session) come first; this is what a tool declares for when there are none.
 */
public enum DefaultTrust {

    /** Every call is asked about. */
    ASK,

    /**
     * A call runs without asking when all it touches lies inside the working folder, judged as it runs
     * ({@link Tool#runInside}); any other call is asked about.
     */
    TRUSTED_INSIDE_WORKING_FOLDER,

    /**
     * A call runs without asking when the tool judges, from its arguments alone, that it may
     * ({@link Tool#runsWithoutAsking}), such as {@code use_aws} for a read-only operation; any other call is asked
     * about.
     */
    JUDGED_BY_ITS_ARGUMENTS
}
