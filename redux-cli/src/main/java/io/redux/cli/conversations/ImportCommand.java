package io.redux.cli.conversations;

import io.redux.cli.CliEnvironment;
import io.redux.cli.output.TerminalText;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.port.ConversationRepository;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Copy a local folder's conversations into the configured store (REDUX_CONVERSATIONS_DIR, such as"
                + " an s3:// bucket).",
                "A conversation already there is left as it is, unless the folder's copy continues it (it holds every"
                        + " message there and more). Run again, it copies nothing more. Exits 1 when a file could"
                        + " not be read or copied (each is named on stderr); the others are copied."})
final class ImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The folder of conversation files (<id>.json) to copy from.")
    Path folder;

    @Inject
    CliEnvironment environment;

    @Inject
    Provider<ConversationRepository> repository;

    @Inject
    LocalConversations local;

    @Override
    public Integer call() {
        Path source = environment.workingDirectory().resolve(folder);
        if (!Files.isDirectory(source)) {
            throw new InvalidInputException("Cannot import from " + folder + ": it is not a folder; give the folder of"
                    + " conversation files (<id>.json) to copy");
        }
        ConversationCopier.Outcome outcome = ConversationCopier.copy(local.open(source), repository.get());
        for (String problem : outcome.problems()) {
            environment.err().println("redux_cli: not imported: " + TerminalText.escape(problem));
        }
        environment.out().println("Imported from " + TerminalText.escape(source.toString()) + ": " + outcome.copied()
                + " copied, " + outcome.skipped() + " skipped (already there, or newer there), " + outcome.failed()
                + " failed.");
        return outcome.failed() == 0 ? 0 : 1;
    }
}
