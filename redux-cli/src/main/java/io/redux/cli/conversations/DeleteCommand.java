package io.redux.cli.conversations;

import io.redux.cli.CliEnvironment;
import io.redux.cli.ConversationIdConverter;
import io.redux.cli.output.TerminalText;
import io.redux.domain.error.CorruptConversationException;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.port.ConversationRepository;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
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
    Provider<ConversationRepository> repository;

    /** Deleting never reads the file: an unreadable conversation is deleted like any other. */
    @Override
    public Integer call() {
        if (!yes) {
            if (!environment.interactive()) {
                throw new InvalidInputException("Not deleting " + id + " without confirmation: pass --yes to delete it");
            }
            if (!confirm(description())) {
                environment.err().println("Kept conversation " + id + ".");
                return 1;
            }
        }
        repository.get().delete(id);
        environment.err().println("Deleted conversation " + id + ".");
        return 0;
    }

    /** What the question names: the title and size of a readable conversation, the reason of an unreadable one. */
    private String description() {
        Conversation conversation;
        try {
            conversation = repository.get().load(id);
        } catch (CorruptConversationException e) {
            return "unreadable conversation " + id + " (" + TerminalText.escape(e.reason()) + ")";
        }
        String title = conversation.title().isEmpty() ? "" : " \"" + TerminalText.escape(conversation.title()) + "\"";
        return "conversation " + id + title + " (" + conversation.messages().size() + " messages)";
    }

    private boolean confirm(String description) {
        environment.err().print("Delete " + description + "? [y/N] ");
        environment.err().flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(environment.in(), StandardCharsets.UTF_8)).readLine();
            return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
