package io.redux.cli.conversations;

import io.redux.cli.CliEnvironment;
import io.redux.cli.ConversationIdConverter;
import io.redux.cli.output.MarkdownTranscript;
import io.redux.domain.model.ConversationId;
import io.redux.domain.port.ConversationRepository;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Print a conversation as a readable transcript.")
final class ShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The conversation id (a UUID).", converter = ConversationIdConverter.class)
    ConversationId id;

    @Inject
    CliEnvironment environment;

    @Inject
    Provider<ConversationRepository> repository;

    @Override
    public Integer call() {
        // Message by message: a conversation larger than the heap is shown all the same.
        repository.get().read(id, MarkdownTranscript.writingTo(environment.out()));
        environment.out().flush();
        return 0;
    }
}
