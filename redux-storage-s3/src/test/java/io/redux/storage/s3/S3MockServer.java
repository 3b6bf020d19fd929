package io.redux.storage.s3;

import com.adobe.testing.s3mock.S3MockApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Adobe's S3Mock, an S3 that is not ours, started in this JVM on a random loopback port the first time a test asks,
 * and stopped when the JVM ends: one start (a few seconds of Spring Boot) per module run.
 */
final class S3MockServer {

    /** A KMS key S3Mock accepts, by its ARN; any other key is refused, as S3 refuses an unknown one. */
    static final String KMS_KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-4e5f-6789-abcd-ef0123456789";
    /** The same key by its id, as S3Mock wants it in a request. */
    static final String KMS_KEY_ID = "0a1b2c3d-4e5f-6789-abcd-ef0123456789";

    private static S3MockApplication server;

    private S3MockServer() {
    }

    static synchronized URI endpoint() {
        if (server == null) {
            Path root;
            try {
                root = Files.createTempDirectory("s3mock");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // S3Mock removes the keys it reads, so the map must be mutable.
            server = S3MockApplication.start(new HashMap<>(Map.of(
                    S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT,
                    S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT,
                    S3MockApplication.PROP_ROOT_DIRECTORY, root.toString(),
                    S3MockApplication.PROP_SILENT, true,
                    "spring.main.banner-mode", "off",
                    "logging.level.root", "WARN")));
            server.registerKMSKeyRef(KMS_KEY_ARN);
            S3MockApplication started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return URI.create("http://127.0.0.1:" + server.getHttpPort());
    }
}
