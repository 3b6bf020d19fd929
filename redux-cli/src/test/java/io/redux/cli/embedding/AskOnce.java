package io.redux.cli.embedding;

import io.redux.aws.AwsModelGateway;                             // redux-aws-adapter
import io.redux.aws.ModelGatewaySettings;
import io.redux.aws.ModelRouter;
import io.redux.aws.credentials.AwsCredentialSource;
import io.redux.domain.chat.Chat;                                // redux-domain
import io.redux.domain.chat.ChatListener;
import io.redux.domain.chat.ChatSession;
import io.redux.domain.chat.OpenConversation;
import io.redux.domain.chat.TurnResult;
import io.redux.domain.environment.UserHome;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.ModelId;
import io.redux.storage.json.JsonConversationRepository;         // redux-storage-json

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

public final class AskOnce {
    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        Path folder = UserHome.of(env).resolve(".amazon-q").resolve("conversations");  // the CLI's default folder
        ask(args[0], env, folder, System.out);
    }

    static ConversationId ask(String question, Map<String, String> env, Path folder, PrintStream out) {
        var conversations = new JsonConversationRepository(folder);
        try (var credentials = AwsCredentialSource.fromEnvironment(env, null);
             var gateway = new AwsModelGateway(ModelGatewaySettings.fromEnvironment(credentials, env)
                     .withRouter(ModelRouter.withEndpointUrl(env.get("REDUX_ENDPOINT_URL"))))) {
            Chat chat = Chat.builder().conversations(conversations).gateway(gateway).build();
            ChatSession session = chat.open(OpenConversation.start(
                    ModelId.parse("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0"),
                    ConversationMetadata.EMPTY.withWorkingDirectory(Path.of("").toAbsolutePath().toString())));
            TurnResult result = session.send(question, ChatListener.streamingTextTo(out::print));
            out.printf("%n[%s, %d tokens]%n", session.id(), result.usage().totalTokens());
            return session.id();
        }
    }
}
