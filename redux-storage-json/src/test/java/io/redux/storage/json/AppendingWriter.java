package io.redux.storage.json;

import io.redux.domain.model.ConversationId;
import io.redux.domain.model.UserMessage;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A separate writer process for {@link WriterProcessesTest}: appends messages to one conversation and prints each
 * message id only after its append returned, that is, once the message is durable.
 *
 * <p>Arguments: folder, conversation id, id prefix, number of messages (0 = until killed).
 */
public final class AppendingWriter {

    private AppendingWriter() {
    }

    public static void main(String[] args) {
        JsonConversationRepository repository = new JsonConversationRepository(Path.of(args[0]));
        ConversationId id = ConversationId.parse(args[1]);
        String prefix = args[2];
        long count = Long.parseLong(args[3]);
        PrintStream out = System.out;
        for (long i = 0; count == 0 || i < count; i++) {
            String messageId = prefix + "-" + i;
            repository.append(id, new UserMessage(messageId, Instant.now(), "message " + i + " from " + prefix + " "
                    + "x".repeat((int) (i % 7) * 200)));
            out.println(messageId);
            out.flush();
        }
    }
}
