package io.redux.cli.agent;

import io.redux.cli.CliEnvironment;
import io.redux.cli.output.TerminalText;
import io.redux.domain.agent.Agent;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.ModelId;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check an agent file: JSON, fields, tool names and patterns, aliases, resources, hooks and the "
                + "model id. Prints \"valid\", or one line per problem and exits 1."})
final class AgentValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE_OR_NAME", description = "An agent file, or the name of an agent found.")
    String target;

    @Inject
    CliEnvironment environment;

    @Inject
    Provider<AgentAccess> agents;

    @Override
    public Integer call() {
        Path file = environment.workingDirectory().resolve(target);
        Agent agent;
        List<String> problems = new ArrayList<>();
        try {
            agent = agents.get().read(Files.isRegularFile(file) ? file
                    : Agents.find(agents.get().catalog(), target).source());
        } catch (InvalidInputException e) {
            if (Files.isRegularFile(file)) {
                environment.err().println(TerminalText.escape(e.getMessage()));
                environment.err().flush();
                return 1;
            }
            throw e;
        }
        problems.addAll(agent.warnings());
        if (agent.model() != null && !agent.model().startsWith(ModelId.PREFIX + ":")) {
            problems.add("model: " + agent.model() + " is not a Redux model id (" + ModelId.FORM + "); the "
                    + "default model would be used");
        } else if (agent.model() != null) {
            try {
                ModelId.parse(agent.model());
            } catch (InvalidInputException e) {
                problems.add("model: " + e.getMessage());
            }
        }
        agent.hooks().stream().filter(hook -> !hook.trigger().supported()).forEach(hook -> problems.add("hooks."
                + hook.trigger().fileName() + ": Redux does not run these hooks yet"));
        if (problems.isEmpty()) {
            environment.out().println(TerminalText.escape(agent.source() + ": valid (agent " + agent.name() + ")"));
            environment.out().flush();
            return 0;
        }
        problems.forEach(problem -> environment.err().println(TerminalText.escape(agent.source() + ": " + problem)));
        environment.err().flush();
        return 1;
    }
}
