package io.redux.cli.composition;

import io.redux.aws.AwsModelGateway;
import io.redux.aws.ModelGatewaySettings;
import io.redux.aws.credentials.AwsCredentialSource;
import io.redux.aws.credentials.AwsEnvironment;
import io.redux.aws.http.NetworkSettings;
import io.redux.aws.ModelRouter;
import io.redux.cli.CliEnvironment;
import io.redux.cli.aws.AwsAccess;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.port.CredentialSource;
import io.redux.domain.port.ModelGateway;
import io.redux.domain.port.ModelRoutes;

import java.util.Map;
import java.util.Objects;

/**
 * {@link AwsAccess} on the AWS adapter, seeing only the command's environment (its variables and home folder). The
 * credentials chain and the gateway are built on first use, once per run; their clients are created on first call.
 */
final class AdapterAwsAccess implements AwsAccess, AutoCloseable {

    private final CliEnvironment environment;
    private NetworkSettings network;
    private AwsCredentialSource credentials;
    private String credentialsProfile;
    private AwsModelGateway gateway;
    private ModelRouter router;

    AdapterAwsAccess(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public synchronized void check(String profile) {
        if (profile != null && profile.isBlank()) {
            throw new InvalidInputException(AwsVariables.PROFILE_OPTION + " needs a profile name; leave it out to use "
                    + "AWS_PROFILE or the environment's keys.");
        }
        router();
        network();
        AwsVariables.credentialProcessTimeout(environment.variables());
        source(profile).requireProfile();
    }

    @Override
    public synchronized CredentialSource credentials(String profile) {
        return source(profile);
    }

    @Override
    public synchronized ModelGateway gateway(String profile) {
        if (gateway == null) {
            AwsCredentialSource source = source(profile);
            gateway = new AwsModelGateway(ModelGatewaySettings.of(source)
                    .withRouter(router())
                    .withNetwork(network())
                    .withCaller(source::callerArnOrNull));
        }
        return gateway;
    }

    @Override
    public synchronized CredentialSource runCredentials() {
        return credentials != null ? credentials : source(null);
    }

    /** Resolves outside this object's lock: a refresh of the credentials may call the network. */
    @Override
    public Map<String, String> awsCliVariables() {
        AwsCredentialSource source;
        synchronized (this) {
            source = credentials;
        }
        return source == null ? Map.of() : source.awsCliVariables();
    }

    @Override
    public synchronized ModelRoutes routes() {
        return router();
    }

    /**
     * Read on first use, not while Guice builds the command: a bad proxy variable must reach the command's error
     * handling as a one-line message, not a provisioning stack trace.
     */
    private NetworkSettings network() {
        if (network == null) {
            network = NetworkSettings.fromEnvironment(environment.variables())
                    .withReadTimeout(AwsVariables.readTimeout(environment.variables()));
        }
        return network;
    }

    private ModelRouter router() {
        if (router == null) {
            router = ModelRouter.withEndpointUrl(environment.variable(AwsVariables.ENDPOINT_URL), AwsVariables.ENDPOINT_URL);
        }
        return router;
    }

    private AwsCredentialSource source(String profile) {
        if (credentials == null) {
            credentials = AwsCredentialSource.builder()
                    .environment(new AwsEnvironment(environment.variables(), environment.userHome()))
                    .network(network())
                    .profile(profile, AwsVariables.PROFILE_OPTION)
                    .credentialProcessTimeout(() -> AwsVariables.credentialProcessTimeout(environment.variables()),
                            AwsVariables.CREDENTIAL_PROCESS_TIMEOUT)
                    .build();
            credentialsProfile = profile;
        } else if (!Objects.equals(profile, credentialsProfile)) {
            throw new IllegalStateException("One run uses one profile; asked for " + profile + " after "
                    + credentialsProfile);
        }
        return credentials;
    }

    @Override
    public synchronized void close() {
        if (gateway != null) {
            gateway.close();
        }
        if (credentials != null) {
            credentials.close();
        }
    }
}
