package io.redux.cli.conversations;

import io.redux.cli.CliEnvironment;
import io.redux.cli.output.Json;
import io.redux.cli.output.Table;
import io.redux.cli.output.TerminalText;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.ConversationListing;
import io.redux.domain.model.ConversationSummary;
import io.redux.domain.port.ConversationRepository;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List conversations, most recently updated first.")
final class ListCommand implements Callable<Integer> {

    @Option(names = "--limit", paramLabel = "N", description = "Show at most N conversations.")
    Integer limit;

    @Option(names = "--json", description = "Print a JSON array for scripts.")
    boolean json;

    @Inject
    CliEnvironment environment;

    @Inject
    Provider<ConversationRepository> repository;

    @Override
    public Integer call() {
        if (limit != null && limit < 1) {
            throw new InvalidInputException("--limit must be at least 1, not " + limit);
        }
        ConversationListing listing = repository.get().list();
        List<ConversationSummary> shown = limit == null
                ? listing.conversations()
                : listing.conversations().subList(0, Math.min(limit, listing.conversations().size()));
        if (json) {
            environment.out().println(Json.write(shown.stream().map(ListCommand::toJson).toList()));
        } else {
            printTable(shown);
        }
        for (ConversationListing.UnreadableConversation unreadable : listing.unreadable()) {
            environment.err().println(TerminalText.escape("redux_cli: skipped unreadable conversation "
                    + unreadable.location() + ": " + unreadable.reason()));
        }
        return 0;
    }

    private void printTable(List<ConversationSummary> shown) {
        if (shown.isEmpty()) {
            environment.out().println("No conversations yet. Start one with: redux_cli chat");
            return;
        }
        Table table = new Table("ID", "UPDATED", "MODEL", "MESSAGES", "TITLE");
        for (ConversationSummary summary : shown) {
            table.row(summary.id().toString(), Formats.timestamp(summary.updatedAt()), summary.modelId(),
                    Integer.toString(summary.messageCount()), summary.title());
        }
        table.print(environment.out());
    }

    private static Map<String, Object> toJson(ConversationSummary summary) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("conversation_id", summary.id().toString());
        object.put("created_at", summary.createdAt().toString());
        object.put("updated_at", summary.updatedAt().toString());
        object.put("model_id", summary.modelId());
        object.put("message_count", summary.messageCount());
        object.put("title", summary.title());
        object.put("working_directory", summary.workingDirectory());
        return object;
    }
}
