package io.redux.cli.bench;

import io.redux.aws.AwsModelGateway;
import io.redux.aws.ModelGatewaySettings;
import io.redux.aws.credentials.AwsCredentialSource;
import io.redux.aws.credentials.AwsEnvironment;
import io.redux.aws.ModelRouter;
import io.redux.cli.CliEnvironment;
import io.redux.cli.ReduxCli;
import io.redux.domain.chat.Chat;
import io.redux.domain.chat.ChatListener;
import io.redux.domain.chat.ChatSession;
import io.redux.domain.chat.OpenConversation;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.ModelId;
import io.redux.storage.json.JsonConversationRepository;
import io.redux.testkit.stub.BedrockRuntimeStub;
import io.redux.testkit.stub.StsStub;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * What a chat turn adds to the model's own time once the JVM is up, against the time a bare {@code java.net.http}
 * client waits for the first byte of the same stub's answer, in one JVM:
 * <ul>
 * <li>a turn of a running session: from {@code send} to the first streamed token through the chat use case, the
 *     Bedrock gateway (real SDK, signing, event-stream decoding, retries) and the JSON repository (the prompt is saved
 *     durably before the call);</li>
 * <li>a whole {@code redux_cli chat QUESTION} command run in this JVM ({@code ReduxCli.execute}): from the call to the
 *     first byte it prints, so also parsing the command line, the Guice graph, the credentials chain, a new
 *     conversation file and new SDK clients; everything but the JVM's start.</li>
 * </ul>
 * Measurements alternate with bare requests so all see the same machine. Prints the first of each (a cold JVM) and
 * medians of the rest.
 *
 * <pre>java -cp CLASSPATH io.redux.cli.bench.TurnOverheadBenchmark [TURNS=40]</pre>
 */
public final class TurnOverheadBenchmark {

    private static final ModelId MODEL = ModelId.parse("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0");

    private TurnOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        Path folder = Files.createTempDirectory("redux-turns");
        try (StsStub sts = new StsStub().identity("AKIAFAKEFAKEFAKE1234", "123456789012",
                "arn:aws:iam::123456789012:user/bench");
             BedrockRuntimeStub stub = new BedrockRuntimeStub();
             AwsCredentialSource credentials = AwsCredentialSource.builder().environment(new AwsEnvironment(Map.of(
                     "AWS_ACCESS_KEY_ID", "AKIAFAKEFAKEFAKE1234", "AWS_SECRET_ACCESS_KEY", "fake-secret"), folder)).build();
             AwsModelGateway gateway = new AwsModelGateway(ModelGatewaySettings.of(credentials)
                     .withRouter(ModelRouter.withEndpointUrl(stub.endpoint().toString())))) {
            Chat chat = Chat.builder().conversations(new JsonConversationRepository(folder)).gateway(gateway).build();
            ChatSession session = chat.open(OpenConversation.start(MODEL, ConversationMetadata.EMPTY));
            BareStubClient bare = new BareStubClient(stub.endpoint());

            double first = firstToken(session, "question 0");
            double firstBare = bare.firstByte();
            Samples[] turnsAndBare = alternating(turns, () -> firstToken(session, "a question"), bare::firstByte);
            Samples viaChat = turnsAndBare[0];
            Samples viaBare = turnsAndBare[1];
            System.out.printf("first turn of the JVM: first token %.1f ms (bare client's first request %.1f ms)%n",
                    first, firstBare);
            System.out.printf("%d turns after %d warm-up turns: first token median %.1f ms (min %.1f, p90 %.1f);"
                            + " bare first byte median %.1f ms (min %.1f, p90 %.1f); overhead %.1f ms%n",
                    turns, turns, viaChat.median(), viaChat.min(), viaChat.p90(), viaBare.median(), viaBare.min(),
                    viaBare.p90(), viaChat.median() - viaBare.median());

            Map<String, String> variables = Map.of(
                    "HOME", folder.toString(),
                    "REDUX_CONVERSATIONS_DIR", folder.resolve("cli").toString(),
                    "REDUX_ENDPOINT_URL", stub.endpoint().toString(),
                    "AWS_ENDPOINT_URL_STS", sts.endpoint().toString(),
                    "AWS_ACCESS_KEY_ID", "AKIAFAKEFAKEFAKE1234", "AWS_SECRET_ACCESS_KEY", "fake-secret",
                    "AWS_EC2_METADATA_DISABLED", "true");
            double firstCommand = firstPrintedByte(variables, folder);
            Samples[] commandsAndBare = alternating(turns, () -> firstPrintedByte(variables, folder), bare::firstByte);
            Samples viaCommand = commandsAndBare[0];
            System.out.printf("first 'redux_cli chat' command of the JVM: first byte %.1f ms%n", firstCommand);
            System.out.printf("%d commands after %d warm-up commands: first byte median %.1f ms (min %.1f, p90 %.1f);"
                            + " bare first byte median %.1f ms; overhead %.1f ms%n",
                    turns, turns, viaCommand.median(), viaCommand.min(), viaCommand.p90(),
                    commandsAndBare[1].median(), viaCommand.median() - commandsAndBare[1].median());
        }
    }

    /**
     * Runs {@code measured} and {@code bare} in turn, {@code runs} times to warm up and {@code runs} times measured, so
     * both see the same machine; returns the measured samples of each.
     */
    private static Samples[] alternating(int runs, DoubleSupplier measured, DoubleSupplier bare) {
        double[] measuredTimes = new double[runs];
        double[] bareTimes = new double[runs];
        for (int i = -runs; i < runs; i++) {
            double measuredTime = measured.getAsDouble();
            double bareTime = bare.getAsDouble();
            if (i >= 0) {
                measuredTimes[i] = measuredTime;
                bareTimes[i] = bareTime;
            }
        }
        return new Samples[] {new Samples(measuredTimes), new Samples(bareTimes)};
    }

    /** Runs {@code redux_cli chat QUESTION} in this JVM; returns the time to the first byte it prints, in ms. */
    private static double firstPrintedByte(Map<String, String> variables, Path folder) {
        long start = System.nanoTime();
        long[] first = {0};
        OutputStream stdout = new OutputStream() {
            @Override
            public void write(int b) {
                mark();
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                if (length > 0) {
                    mark();
                }
            }

            private void mark() {
                if (first[0] == 0) {
                    first[0] = System.nanoTime();
                }
            }
        };
        CliEnvironment environment = new CliEnvironment(variables, folder, folder, InputStream.nullInputStream(),
                new PrintWriter(stdout, true), new PrintWriter(OutputStream.nullOutputStream(), true), false);
        int exit = ReduxCli.execute(environment, "chat", "a question");
        if (exit != 0 || first[0] == 0) {
            throw new IllegalStateException("redux_cli chat failed with exit code " + exit);
        }
        return (first[0] - start) / 1e6;
    }

    private static double firstToken(ChatSession session, String prompt) {
        long start = System.nanoTime();
        long[] first = {0};
        session.send(prompt, new ChatListener() {
            @Override
            public void onTextDelta(String text) {
                if (first[0] == 0) {
                    first[0] = System.nanoTime();
                }
            }
        });
        return (first[0] - start) / 1e6;
    }
}
