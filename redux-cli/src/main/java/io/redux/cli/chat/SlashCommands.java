package io.redux.cli.chat;

import io.redux.cli.CliEnvironment;
import io.redux.cli.Hints;
import io.redux.cli.agent.AgentAccess;
import io.redux.cli.agent.ChosenAgent;
import io.redux.cli.aws.AwsAccess;
import io.redux.cli.mcp.McpAccess;
import io.redux.cli.output.ConversationExport;
import io.redux.cli.output.ExportFormat;
import io.redux.cli.output.TerminalText;
import io.redux.domain.agent.Agent;
import io.redux.domain.agent.AgentCatalog;
import io.redux.domain.chat.ChatSession;
import io.redux.domain.chat.CompactResult;
import io.redux.domain.chat.OpenConversation;
import io.redux.domain.chat.SessionContext;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.TokenUsage;
import io.redux.domain.port.ContextFile;
import io.redux.domain.port.ContextFiles;
import io.redux.domain.port.ContextSelection;
import io.redux.domain.tool.DefaultTrust;
import io.redux.domain.tool.Tool;
import io.redux.domain.tool.ToolPolicy;
import io.redux.domain.tool.ToolRegistry;
import jakarta.inject.Inject;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;

/** The commands a user types at the chat prompt, starting with {@code /}. */
final class SlashCommands {

    static final String HELP = String.join("\n",
            "/help                       this list",
            "/quit                       leave (Ctrl-D does too)",
            "/clear                      start a new conversation",
            "/model [ID]                 show the model, or continue with another (" + ModelId.FORM + ")",
            "/usage                      tokens used so far, and how full the model's context is",
            "/tools                      list the tools and which run without asking",
            "/tools trust|untrust NAME   run NAME without asking / ask again (@SERVER or @SERVER/TOOL for MCP)",
            "/mcp                        the MCP servers, where each stands, and their tools",
            "/export [--format markdown|json] FILE   write this conversation to FILE",
            "/context show               the context files sent to the model, their sizes and tokens",
            "/context add|rm PATH_OR_GLOB   send more files as context / leave some out, for this session",
            "/compact                    summarise the history into a shorter one",
            "/agent [list]               the agent of this chat / the agents there are",
            "End a line with \\ to continue on the next. Ctrl-C stops an answer; at the prompt it leaves.");

    /** What the loop does next. */
    record Outcome(boolean quit, ChatSession session) {
    }

    private final AwsAccess aws;
    private final ToolRegistry tools;
    private final ConversationExport export;
    private final Path workingDirectory;
    private final PrintWriter out;
    private final Style style;
    private final AgentAccess agents;
    private final ChosenAgent agent;

    /** @param aws its routes refuse a model id its service cannot call, before {@code /model} switches to it */
    @Inject
    SlashCommands(AwsAccess aws, ToolRegistry tools, ConversationExport export, CliEnvironment environment,
                  ChatTerminal terminal, AgentAccess agents, ChosenAgent agent) {
        this.agents = agents;
        this.agent = agent;
        this.aws = aws;
        this.tools = tools;
        this.export = export;
        this.workingDirectory = environment.workingDirectory();
        this.out = terminal.writer();
        this.style = terminal.style();
    }

    static boolean isCommand(String line) {
        return line.strip().startsWith("/");
    }

    /** Runs one command line; a bad one is explained and the session goes on. */
    Outcome run(String line, ChatSession session, AnswerRenderer renderer, ChatRun run) {
        List<String> words = Arrays.asList(line.strip().split("\\s+"));
        String name = words.get(0);
        List<String> arguments = words.subList(1, words.size());
        try {
            switch (name) {
                case "/help" -> out.println(HELP);
                case "/quit", "/exit" -> {
                    return new Outcome(true, session);
                }
                case "/clear" -> {
                    return new Outcome(false, clear(session, run));
                }
                case "/model" -> model(arguments, session);
                case "/usage" -> usage(session);
                case "/tools" -> tools(arguments, run.policy());
                case "/mcp" -> mcp(run.servers());
                case "/export" -> export(arguments, session);
                case "/compact" -> compact(session, renderer);
                case "/context" -> context(arguments, run.chat().context());
                case "/agent" -> agent(arguments);
                default -> out.println(style.error("Unknown command " + TerminalText.escape(name)
                        + "; /help lists the commands."));
            }
        } catch (InvalidInputException e) {
            out.println(style.error(TerminalText.escape(Hints.line(e))));
        }
        out.flush();
        return new Outcome(false, session);
    }

    void compact(ChatSession session, AnswerRenderer renderer) {
        out.println(style.dim("Summarising the conversation..."));
        CompactResult result;
        try {
            result = session.compact(renderer);
        } finally {
            renderer.endTurn();
        }
        out.println(result.compacted()
                ? style.dim("Compacted " + result.messagesSummarised() + " messages into a summary; "
                        + "the conversation continues from it (the file keeps the whole history).")
                : style.dim("Nothing to compact."));
    }

    private void agent(List<String> arguments) {
        if (arguments.isEmpty()) {
            out.println(agent.agent().map(chosen -> "Agent: " + TerminalText.escape(chosen.name() + " ("
                    + chosen.source() + ")")).orElse("No agent: the default context files and every tool.")
                    + style.dim(" Another agent: restart with redux_cli chat --agent NAME."));
            return;
        }
        if (!arguments.equals(List.of("list"))) {
            throw new InvalidInputException("Usage: /agent, /agent list (to change agents, restart with "
                    + "redux_cli chat --agent NAME)");
        }
        AgentCatalog catalog = agents.catalog();
        if (catalog.agents().isEmpty()) {
            out.println("No agents in ~/.aws/amazonq/cli-agents/ or .amazonq/cli-agents/.");
        }
        for (Agent found : catalog.agents()) {
            boolean current = agent.agent().map(chosen -> chosen.name().equals(found.name())).orElse(false);
            out.println((current ? "* " : "  ") + TerminalText.escape(found.name() + "  " + found.scope().label()
                    + (found.description() == null ? "" : "  " + found.description())));
        }
        catalog.allWarnings().forEach(warning -> out.println(style.dim(TerminalText.escape("warning: " + warning))));
    }

    private ChatSession clear(ChatSession session, ChatRun run) {
        ChatSession fresh = run.chat().open(OpenConversation.start(session.model(),
                run.metadata().forNewConversation()));
        run.metadata().recordOn(fresh);
        out.println(style.dim("New conversation " + fresh.id() + (session.isSaved() ? " (the previous one, "
                + session.id() + ", is kept)." : ".")));
        return fresh;
    }

    private void model(List<String> arguments, ChatSession session) {
        if (arguments.isEmpty()) {
            out.println("Model: " + TerminalText.escape(session.model().toString()));
            return;
        }
        if (arguments.size() > 1) {
            throw new InvalidInputException("Usage: /model [" + ModelId.FORM + "]");
        }
        ModelId model = ModelId.parse(arguments.get(0));
        aws.routes().describe(model);
        session.switchModel(model);
        out.println(style.dim("Continuing with " + TerminalText.escape(session.model().toString()) + "."));
    }

    private void usage(ChatSession session) {
        TokenUsage total = session.usage();
        out.println("Tokens in this conversation: " + total.inputTokens() + " in, " + total.outputTokens() + " out ("
                + total.totalTokens() + " in all).");
        session.lastUsage().ifPresent(last -> out.println("Context: the last request sent " + last.inputTokens()
                + " tokens of history; /compact shortens it."));
    }

    private void tools(List<String> arguments, ToolPolicy policy) {
        if (arguments.isEmpty()) {
            SortedMap<String, Tool> offered = tools.offered();
            if (offered.isEmpty()) {
                out.println(style.dim("No tools are offered to the model (the agent's tools field names none)."));
            }
            // By the names the model knows: an agent offers some tools, some under aliases.
            offered.forEach((name, tool) -> {
                String note = policy.trusts(tool) ? "runs without asking" : defaultNote(tool);
                String trustName = tool.trustNames().get(0).equals(name) ? "" : " (" + tool.trustNames().get(0) + ")";
                out.println("  " + TerminalText.escape(name + trustName) + "  " + style.dim(note));
            });
            return;
        }
        if (arguments.size() != 2 || !List.of("trust", "untrust").contains(arguments.get(0))) {
            throw new InvalidInputException("Usage: /tools, /tools trust NAME, /tools untrust NAME");
        }
        String name = arguments.get(1);
        tools.requireKnown(List.of(name), "/tools " + arguments.get(0));
        if (arguments.get(0).equals("trust")) {
            policy.trust(name);
            out.println(style.dim(name + " now runs without asking, for this session."));
        } else {
            policy.untrust(name);
            out.println(style.dim(name + " will be asked about again."));
        }
    }

    private void mcp(McpAccess.RunningServers servers) {
        List<McpAccess.ServerView> statuses = servers.statuses();
        if (statuses.isEmpty()) {
            out.println("No MCP servers: add them to ~/.aws/amazonq/mcp.json or .amazonq/mcp.json "
                    + "(redux_cli mcp add).");
            return;
        }
        for (McpAccess.ServerView server : statuses) {
            out.println("  " + TerminalText.escape(server.name()) + "  " + server.state()
                    + style.dim(TerminalText.escape((server.detail().isEmpty() ? "" : "  " + server.detail())
                    + "  (" + server.scope() + ", " + server.transport() + ": " + server.target() + ")")));
            for (String tool : server.tools()) {
                out.println("      " + TerminalText.escape(tool));
            }
        }
    }

    private static String defaultNote(Tool tool) {
        DefaultTrust trust = tool.defaultTrust();
        if (trust == DefaultTrust.TRUSTED_INSIDE_WORKING_FOLDER) {
            return "asks, except for files inside the working directory";
        }
        return trust == DefaultTrust.JUDGED_BY_ITS_ARGUMENTS ? "asks, except for calls it judges safe (read-only)"
                : "asks first";
    }

    private void context(List<String> arguments, SessionContext context) {
        if (arguments.isEmpty() || (arguments.size() == 1 && arguments.get(0).equals("show"))) {
            showContext(context);
            return;
        }
        if (arguments.size() != 2 || !List.of("add", "rm").contains(arguments.get(0))) {
            throw new InvalidInputException("Usage: /context show, /context add PATH_OR_GLOB, /context rm PATH_OR_GLOB");
        }
        String pattern = arguments.get(1);
        String shown = TerminalText.escape(pattern);
        if (arguments.get(0).equals("add")) {
            ContextFiles matched = context.add(pattern);
            for (String warning : matched.warnings()) {
                out.println("  " + style.dim(TerminalText.escape(warning)));
            }
            out.println(style.dim(matched.files().isEmpty() ? "No file matches " + shown + "; nothing added."
                    : "Added " + shown + " (" + count(matched.files().size()) + ") for this session."));
            return;
        }
        SessionContext.Removal removal = context.remove(pattern);
        if (removal.patternRemoved()) {
            out.println(style.dim("Removed " + shown + " for this session."));
        } else if (removal.filesLeftOut() > 0) {
            out.println(style.dim("Left out " + count(removal.filesLeftOut()) + " matching " + shown
                    + " for this session."));
        } else {
            out.println(style.dim("No context file matches " + shown + "; nothing removed."));
        }
    }

    private void showContext(SessionContext context) {
        ContextSelection selection = context.selection();
        ContextFiles files = context.read();
        out.println("Context patterns: " + TerminalText.escape(String.join(", ", selection.include()))
                + (selection.exclude().isEmpty() ? ""
                : " (left out: " + TerminalText.escape(String.join(", ", selection.exclude())) + ")"));
        for (ContextFile file : files.files()) {
            out.println("  " + TerminalText.escape(file.path()) + "  " + file.size() + " bytes, ~"
                    + file.estimatedTokens() + " tokens"
                    + (file.truncated() ? style.dim("  truncated: " + file.omittedBytes() + " bytes left out") : ""));
        }
        for (String warning : files.warnings()) {
            out.println("  " + style.dim(TerminalText.escape(warning)));
        }
        out.println("Total: " + count(files.files().size()) + ", ~" + files.estimatedTokens() + " tokens (estimated "
                + "as one token per " + ContextFile.CHARACTERS_PER_TOKEN + " characters).");
    }

    private static String count(int files) {
        return files + (files == 1 ? " file" : " files");
    }

    private void export(List<String> arguments, ChatSession session) {
        ExportFormat format = ExportFormat.MARKDOWN;
        String file = null;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--format") && i + 1 < arguments.size()) {
                format = ExportFormat.named(arguments.get(++i));
            } else if (argument.startsWith("--format=")) {
                format = ExportFormat.named(argument.substring("--format=".length()));
            } else if (file == null && !argument.startsWith("--")) {
                file = argument;
            } else {
                throw new InvalidInputException("Usage: /export [--format markdown|json] FILE");
            }
        }
        if (file == null) {
            throw new InvalidInputException("Usage: /export [--format markdown|json] FILE");
        }
        if (!session.isSaved()) {
            throw new InvalidInputException("Nothing to export yet: conversation " + session.id()
                    + " is stored with its first message.");
        }
        Path target = workingDirectory.resolve(file);
        export.write(session.id(), format, target, false);
        out.println(style.dim("Exported conversation " + session.id() + " to " + TerminalText.escape(target.toString())
                + "."));
    }
}
