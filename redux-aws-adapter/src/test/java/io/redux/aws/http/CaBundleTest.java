package io.redux.aws.http;

import io.redux.aws.AwsModelGateway;
import io.redux.aws.TestGateways;
import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.error.ModelInvocationException.Reason;
import io.redux.testkit.stub.BedrockRuntimeStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;

import static io.redux.aws.TestGateways.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** An https:// endpoint with a private CA: refused by default, trusted with AWS_CA_BUNDLE, by both clients. */
class CaBundleTest {

    private static final String MODEL = "custom:us-east-1:amazon:nova-lite-v1:0";

    private final BedrockRuntimeStub stub = new BedrockRuntimeStub(tls());

    @AfterEach
    void close() {
        stub.close();
    }

    @Test
    void aCertificateFromAPrivateCaIsRefusedWithoutTheBundleWithAHintToSetIt() {
        try (AwsModelGateway gateway = new AwsModelGateway(TestGateways.against(stub.endpoint()))) {
            ModelInvocationException error = catchThrowableOfType(ModelInvocationException.class,
                    () -> gateway.converse(ask(MODEL, "hi")));

            assertThat(error.reason()).isEqualTo(Reason.ENDPOINT_UNREACHABLE);
            assertThat(error.getMessage()).contains("AWS_CA_BUNDLE");
        }
    }

    @Test
    void withAwsCaBundleBothThePlainAndTheStreamingClientTrustIt() throws URISyntaxException {
        Path bundle = Path.of(getClass().getResource("/tls/stub-ca.pem").toURI());
        NetworkSettings network = NetworkSettings.fromEnvironment(Map.of("AWS_CA_BUNDLE", bundle.toString()));
        try (AwsModelGateway gateway = new AwsModelGateway(TestGateways.against(stub.endpoint()).withNetwork(network))) {
            assertThat(gateway.converse(ask(MODEL, "over tls")).text()).contains("over tls");
            assertThat(gateway.converseStream(ask(MODEL, "streamed over tls"), e -> { }).text()).contains("streamed over tls");
        }
    }

    @Test
    void theBundleIsParsedOncePerVersionOfItsFile(@TempDir Path folder) throws Exception {
        Path bundle = Files.copy(Path.of(getClass().getResource("/tls/stub-ca.pem").toURI()), folder.resolve("ca.pem"));

        TrustManager[] first = TrustedCertificates.withBundle(bundle);
        TrustManager[] again = TrustedCertificates.withBundle(bundle);
        Files.writeString(bundle, Files.readString(bundle) + "\n");
        TrustManager[] changed = TrustedCertificates.withBundle(bundle);

        assertThat(again).containsExactly(first);
        assertThat(changed[0]).isNotSameAs(first[0]);
    }

    private static SSLContext tls() {
        try (InputStream in = CaBundleTest.class.getResourceAsStream("/tls/stub-tls.p12")) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, "redux-test".toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, "redux-test".toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the test TLS key", e);
        }
    }
}
