package io.redux.aws.bench;

import io.redux.aws.credentials.AwsCredentialSource;
import io.redux.aws.credentials.AwsEnvironment;
import io.redux.domain.error.CredentialsException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * How long the credentials chain takes to give up off EC2 with no credentials at all (an empty environment and an
 * empty home, so the real EC2 metadata address is probed): {@code java -cp ... io.redux.aws.bench.NoCredentialsBenchmark [IMDS_ENDPOINT]}; pass the endpoint of
 * a server that accepts connections and never answers to measure the worst case.
 */
public final class NoCredentialsBenchmark {

    private NoCredentialsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path emptyHome = Files.createTempDirectory("redux-no-credentials");
        long start = System.nanoTime();
        try (AwsCredentialSource source = AwsCredentialSource.builder()
                .environment(new AwsEnvironment(args.length == 0 ? Map.of()
                        : Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", args[0]), emptyHome)).build()) {
            source.identity();
            System.out.println("unexpectedly found credentials");
        } catch (CredentialsException e) {
            System.out.println("failed after " + (System.nanoTime() - start) / 1_000_000 + " ms: " + e.getMessage());
        } finally {
            Files.delete(emptyHome);
        }
    }
}
