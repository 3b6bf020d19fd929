package io.redux.cli.aws;

import io.redux.domain.port.CredentialSource;
import io.redux.domain.port.ModelGateway;
import io.redux.domain.port.ModelRoutes;

import java.util.Map;

/**
 * The AWS side of a command, for a profile chosen on the command line: who the caller is, the gateway that
 * answers model calls, and where each model is sent. Nothing is built until a command asks, so commands that never call AWS never load the SDK.
 */
public interface AwsAccess {

    /**
     * Checks every setting the AWS side will read ({@code REDUX_*}, proxies) and that the profile chosen exists,
     * calling nothing: a command that uses AWS calls it first, so a mistake is one line before anything is read or
     * written, whichever credentials would have won.
     *
     * @param profile {@code --profile}, or null for the standard chain
     */
    void check(String profile);

    /** @param profile {@code --profile}, or null for the standard chain ({@code AWS_PROFILE} and the rest) */
    CredentialSource credentials(String profile);

    /** @param profile {@code --profile}, or null for the standard chain */
    ModelGateway gateway(String profile);

    /**
     * The credentials this run signs with, for a part that does not see the command's options (the S3 conversation
     * store): those of the profile the command chose in its first call to {@link #check}, {@link #credentials} or
     * {@link #gateway}, else the standard chain. A command with {@code --profile} calls {@link #check} first.
     */
    CredentialSource runCredentials();

    /**
     * The variables that give the AWS CLI (the {@code use_aws} tool's child process) the identity of the credentials
     * this run asked for ({@link #credentials}): the profile, or the keys resolved elsewhere. Empty before any were
     * asked for: the child then reads the environment as the chain would. Secrets: for a child's environment only.
     */
    Map<String, String> awsCliVariables();

    /** Where each model is sent, with {@code REDUX_ENDPOINT_URL} applied; needs no credentials. */
    ModelRoutes routes();
}
