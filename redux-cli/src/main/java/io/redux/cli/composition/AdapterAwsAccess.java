package io.redux.cli.composition;

import io.redux.aws.AwsModelGateway;
import io.redux.aws.ModelGatewaySettings;
import io.redux.aws.http.NetworkSettings;
import io.redux.aws.routing.ModelRoute;
import io.redux.aws.routing.ModelRouter;
import io.redux.cli.aws.AwsAccess;
import io.redux.domain.error.CredentialsException;
import io.redux.domain.model.ModelId;
import io.redux.domain.port.CredentialSource;
import io.redux.domain.port.ModelGateway;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

import java.util.Map;

/** {@link AwsAccess} on the AWS adapter: one gateway per run, built on first use and closed at exit. */
final class AdapterAwsAccess implements AwsAccess {

    private final Map<String, String> variables;
    private final ModelRouter router;
    private AwsModelGateway gateway;

    AdapterAwsAccess(Map<String, String> variables) {
        this.variables = variables;
        this.router = ModelRouter.withEndpointUrl(variables.get("REDUX_ENDPOINT_URL"));
    }

    @Override
    public CredentialSource credentials(String profile) {
        return () -> {
            throw new CredentialsException("identity lookup is not wired yet");
        };
    }

    @Override
    public synchronized ModelGateway gateway(String profile) {
        if (gateway == null) {
            ModelGatewaySettings settings = ModelGatewaySettings.of(provider(profile))
                    .withRouter(router)
                    .withNetwork(NetworkSettings.fromEnvironment(variables));
            gateway = new AwsModelGateway(settings);
        }
        return gateway;
    }

    @Override
    public ModelRoute route(ModelId model) {
        return router.route(model);
    }

    private static AwsCredentialsProvider provider(String profile) {
        return profile == null ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.create(profile);
    }
}
