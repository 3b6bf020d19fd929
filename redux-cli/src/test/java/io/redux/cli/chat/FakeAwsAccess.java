package io.redux.cli.chat;

import io.redux.aws.ModelRouter;
import io.redux.cli.aws.AwsAccess;
import io.redux.domain.port.CallerIdentity;
import io.redux.domain.port.CredentialOrigin;
import io.redux.domain.port.CredentialSource;
import io.redux.domain.port.ModelGateway;
import io.redux.domain.port.ModelRoutes;
import io.redux.testkit.StaticCredentialSource;

import java.util.Map;

/** AWS for in-process tests: a fixed identity and the gateway the test scripts. */
final class FakeAwsAccess implements AwsAccess {

    static final CallerIdentity IDENTITY = new CallerIdentity(CredentialOrigin.ENVIRONMENT, null, "123456789012",
            "arn:aws:iam::123456789012:user/tester", "us-east-1", "AKIA************1234");

    private final ModelGateway gateway;
    private final CredentialSource credentials;

    FakeAwsAccess(ModelGateway gateway) {
        this(gateway, StaticCredentialSource.of(IDENTITY));
    }

    /** With {@code credentials} for the run's identity (one that blocks, say). */
    FakeAwsAccess(ModelGateway gateway, CredentialSource credentials) {
        this.gateway = gateway;
        this.credentials = credentials;
    }

    @Override
    public void check(String profile) {
    }

    @Override
    public CredentialSource credentials(String profile) {
        return credentials;
    }

    @Override
    public ModelGateway gateway(String profile) {
        return gateway;
    }

    @Override
    public CredentialSource runCredentials() {
        return StaticCredentialSource.of(IDENTITY);
    }

    @Override
    public Map<String, String> awsCliVariables() {
        return Map.of();
    }

    @Override
    public ModelRoutes routes() {
        return new ModelRouter();
    }
}
