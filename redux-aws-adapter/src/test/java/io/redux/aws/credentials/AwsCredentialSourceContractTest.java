package io.redux.aws.credentials;

import io.redux.domain.port.CredentialSource;
import io.redux.testkit.CredentialSourceContract;
import io.redux.testkit.stub.StsStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The AWS source honours the {@link CredentialSourceContract}: environment keys, identity from the STS stub. */
class AwsCredentialSourceContractTest extends CredentialSourceContract {

    @TempDir
    Path home;

    private final StsStub sts = new StsStub().identity("AKIACONTRACTKEY00001", ACCOUNT, ARN);
    private final List<AwsCredentialSource> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(AwsCredentialSource::close);
        sts.close();
    }

    @Override
    protected CredentialSource sourceWithCredentials() {
        return open(Map.of("AWS_ACCESS_KEY_ID", "AKIACONTRACTKEY00001", "AWS_SECRET_ACCESS_KEY", "contract-secret",
                "AWS_ENDPOINT_URL_STS", sts.endpoint().toString(), "AWS_EC2_METADATA_DISABLED", "true"));
    }

    @Override
    protected CredentialSource sourceWithoutCredentials() {
        return open(Map.of("AWS_EC2_METADATA_DISABLED", "true"));
    }

    private AwsCredentialSource open(Map<String, String> variables) {
        AwsCredentialSource source = AwsCredentialSource.builder().environment(new AwsEnvironment(variables, home)).build();
        opened.add(source);
        return source;
    }
}
