package io.redux.cli.conversations;

import io.redux.cli.CliEnvironment;
import io.redux.cli.output.TerminalText;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.port.ConversationRepository;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a conversation. Asks first on a terminal; --yes skips the question.")
final class DeleteCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The conversation id (a UUID).", converter = ConversationIdConverter.class)
    ConversationId id;

    @Option(names = {"-y", "--yes"}, description = "Delete without asking.")
    boolean yes;

    @Inject
    CliEnvironment environment;

    @Inject
    ConversationRepository repository;

    @Override
    public Integer call() {
        Conversation conversation = repository.load(id);
        if (!yes) {
            if (!environment.interactive()) {
                throw new InvalidInputException("Not deleting " + id + " without confirmation: pass --yes to delete it");
            }
            if (!confirm(conversation)) {
                environment.err().println("Kept conversation " + id + ".");
                return 1;
            }
        }
        repository.delete(id);
        environment.err().println("Deleted conversation " + id + ".");
        return 0;
    }

    private boolean confirm(Conversation conversation) {
        String title = conversation.title().isEmpty() ? "" : " \"" + TerminalText.escape(conversation.title()) + "\"";
        environment.err().print("Delete conversation " + id + title + " (" + conversation.messages().size()
                + " messages)? [y/N] ");
        environment.err().flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(environment.in(), StandardCharsets.UTF_8)).readLine();
            return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
