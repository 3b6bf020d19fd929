package io.redux.cli.conversations;

import io.redux.cli.CliEnvironment;
import io.redux.cli.ConversationIdConverter;
import io.redux.cli.output.ConversationExport;
import io.redux.cli.output.ExportFormat;
import io.redux.domain.model.ConversationId;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a conversation: json is the stored document, markdown a readable transcript.")
final class ExportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The conversation id (a UUID).", converter = ConversationIdConverter.class)
    ConversationId id;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json or markdown (default: ${DEFAULT-VALUE}).")
    ExportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Inject
    CliEnvironment environment;

    @Inject
    Provider<ConversationExport> export;

    @Override
    public Integer call() {
        if (output == null) {
            export.get().write(id, format, environment.out());
            environment.out().flush();
        } else {
            export.get().write(id, format, environment.workingDirectory().resolve(output), force);
            environment.err().println("Exported conversation " + id + " to " + output);
        }
        return 0;
    }
}
