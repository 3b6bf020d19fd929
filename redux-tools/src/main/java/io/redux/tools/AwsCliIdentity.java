package io.redux.tools;

import java.util.Map;

/**
 * Who {@code use_aws} calls AWS as: the chat's own identity, given to the AWS CLI as variables of its environment
 * only (never on its command line): {@code AWS_PROFILE} for a profile, or {@code AWS_ACCESS_KEY_ID},
 * {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN} for credentials resolved elsewhere. Asked at each call,
 * so credentials that expire are fresh.
 */
@FunctionalInterface
public interface AwsCliIdentity {

    /** The identity the environment already gives the AWS CLI, as the chat's own credentials chain reads it. */
    AwsCliIdentity INHERITED = Map::of;

    /** The variables to set; an empty map leaves the inherited environment as it is. */
    Map<String, String> variables();
}
