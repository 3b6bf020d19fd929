package io.redux.aws.bench;

import io.redux.aws.AwsModelGateway;
import io.redux.aws.ModelGatewaySettings;
import io.redux.aws.ModelRouter;
import io.redux.aws.credentials.AwsCredentialSource;
import io.redux.aws.credentials.AwsEnvironment;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.UserMessage;
import io.redux.domain.port.ModelEvent;
import io.redux.domain.port.ModelRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One model call in a fresh JVM against a running stub server, timed from the start of {@code main}:
 * {@code java -cp ... io.redux.aws.bench.ModelCallBenchmark http://127.0.0.1:PORT [stream|converse|both|warm]}.
 * Prints the time to the first token and to the end; run it under {@code time} for the whole process.
 */
public final class ModelCallBenchmark {

    private ModelCallBenchmark() {
    }

    public static void main(String[] args) {
        Instant started = Instant.now();
        String mode = args.length > 1 ? args[1] : "stream";
        ModelGatewaySettings settings = ModelGatewaySettings.of(AwsCredentialSource.builder().environment(new AwsEnvironment(Map.of(
                        "AWS_ACCESS_KEY_ID", "AKIAFAKEFORBENCHMARK", "AWS_SECRET_ACCESS_KEY", "fake-secret"),
                        Path.of("").toAbsolutePath())).build())
                .withRouter(ModelRouter.withEndpointUrl(args[0]));
        ModelRequest request = new ModelRequest(ModelId.parse("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0"),
                null, List.of(new UserMessage("m1", Instant.now(), "hello benchmark")), List.of(), null);
        Instant[] firstToken = new Instant[1];
        try (AwsModelGateway gateway = new AwsModelGateway(settings)) {
            if (!mode.equals("converse")) {
                gateway.converseStream(request, event -> {
                    if (firstToken[0] == null && event instanceof ModelEvent.TextDelta) {
                        firstToken[0] = Instant.now();
                    }
                });
                System.out.println("first token after " + Duration.between(started, firstToken[0]).toMillis() + " ms");
            }
            if (!mode.equals("stream")) {
                gateway.converse(request);
            }
            if (mode.equals("warm")) {
                for (int i = 0; i < 5; i++) {
                    Instant call = Instant.now();
                    firstToken[0] = null;
                    gateway.converseStream(request, event -> {
                        if (firstToken[0] == null && event instanceof ModelEvent.TextDelta) {
                            firstToken[0] = Instant.now();
                        }
                    });
                    System.out.println("warm call " + (i + 2) + ": first token after "
                            + Duration.between(call, firstToken[0]).toNanos() / 100_000 / 10.0 + " ms");
                }
            }
            System.out.println("answer(s) done after " + Duration.between(started, Instant.now()).toMillis() + " ms");
        }
        System.out.println("closed after " + Duration.between(started, Instant.now()).toMillis() + " ms");
    }
}
