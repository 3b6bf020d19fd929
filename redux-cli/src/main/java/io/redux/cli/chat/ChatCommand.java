package io.redux.cli.chat;

import io.redux.cli.CliEnvironment;
import io.redux.cli.ConversationIdConverter;
import io.redux.cli.ModelChoice;
import io.redux.cli.ModelIdConverter;
import io.redux.cli.agent.AgentAccess;
import io.redux.cli.agent.ChosenAgent;
import io.redux.cli.aws.AwsAccess;
import io.redux.cli.mcp.McpAccess;
import io.redux.cli.output.TerminalText;
import io.redux.domain.agent.Agent;
import io.redux.domain.chat.Chat;
import io.redux.domain.chat.ChatSession;
import io.redux.domain.chat.OpenConversation;
import io.redux.domain.chat.SessionContext;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationListing.UnreadableConversation;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.SessionType;
import io.redux.domain.port.ContextSource;
import io.redux.domain.tool.ToolPolicy;
import io.redux.domain.tool.ToolRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

@Command(name = "chat", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Chat with a model on Amazon Bedrock or SageMaker.",
                "With a PROMPT, or a question on piped stdin, answers once and exits (one-shot); otherwise starts an "
                        + "interactive session. A PROMPT and piped input both go to the model: the PROMPT first, "
                        + "then the input between <stdin> tags (at most " + OneShotQuestion.LIMIT + "). A new "
                        + "conversation is saved with its first message, then every message as soon as it is "
                        + "complete."},
        footer = {"",
                "Model: --model-id, else the resumed conversation's, else REDUX_MODEL_ID, else",
                "  " + ModelId.EXAMPLE + ".",
                "Tools: file_read, file_write, execute_bash, use_aws. file_read inside the working directory and "
                        + "read-only use_aws calls run without asking; others ask 'Allow? [y/n/t]', and are refused "
                        + "in one-shot mode unless trusted.",
                "MCP servers' tools (redux_cli mcp list) join as SERVER___TOOL; trust them as @SERVER or "
                        + "@SERVER/TOOL.",
                "",
                "Examples:",
                "  redux_cli chat",
                "  redux_cli chat \"How do I list S3 buckets with the CLI?\"",
                "  git diff | redux_cli chat --no-interactive \"Review this change\"",
                "  redux_cli chat --agent reviewer \"Review the last commit\"",
                "  redux_cli chat --resume",
                "  redux_cli chat --resume -- \"What next?\"",
                "  redux_cli chat --conversation-id 550e8400-e29b-41d4-a716-446655440000 \\",
                "      \"next step?\""})
public final class ChatCommand implements Callable<Integer> {

    @Option(names = "--model-id", paramLabel = "ID", converter = ModelIdConverter.class,
            description = "The model, as " + ModelId.FORM + ".")
    ModelId modelId;

    @Option(names = "--conversation-id", paramLabel = "UUID", converter = ConversationIdConverter.class,
            description = "Start the conversation with this id, or continue it if it exists.")
    ConversationId conversationId;

    @Option(names = "--resume", paramLabel = "UUID", arity = "0..1", fallbackValue = ResumeOption.LATEST,
            description = "Continue conversation UUID (it must exist); alone, the latest conversation started in "
                    + "this folder. With a PROMPT, write --resume -- PROMPT: a word that looks like a mistyped "
                    + "UUID is refused.")
    String resume;

    @Option(names = "--profile", paramLabel = "NAME", description = "The AWS profile (default: AWS_PROFILE).")
    String profile;

    @Option(names = "--no-interactive", description = "Answer once and exit, even at a terminal.")
    boolean noInteractive;

    @Option(names = "--json", description = "One-shot: print one JSON object (conversation_id, model_id, answer, "
            + "usage, stop_reason) instead of the streamed text.")
    boolean json;

    @Option(names = "--trust-all-tools", description = "Run every tool without asking.")
    boolean trustAllTools;

    @Option(names = "--trust-tools", paramLabel = "NAMES", split = ",",
            description = "Run these tools without asking, e.g. --trust-tools=file_read,file_write; an MCP server's "
                    + "tools by @SERVER, or one by @SERVER/TOOL; * and ? match any characters and one (file_*, "
                    + "@git/status_*).")
    List<String> trustTools = List.of();

    @Option(names = "--mcp-config", paramLabel = "FILE",
            description = "Also start the MCP servers of FILE, read after ~/.aws/amazonq/mcp.json and "
                    + ".amazonq/mcp.json; it wins a name clash.")
    Path mcpConfig;

    @Option(names = "--agent", paramLabel = "NAME",
            description = "Chat as agent NAME of ~/.aws/amazonq/cli-agents/ or .amazonq/cli-agents/ (the original "
                    + "CLI's format): its prompt, tools, allowedTools, resources, hooks and model; see redux_cli "
                    + "agent list.")
    String agentName;

    @Parameters(paramLabel = "PROMPT", arity = "0..*", description = "The question; several words are joined.")
    List<String> prompt = List.of();

    @Inject
    CliEnvironment environment;

    @Inject
    Provider<ChatFactory> chats;

    @Inject
    Provider<AwsAccess> aws;

    @Inject
    Provider<ToolRegistry> tools;

    @Inject
    Provider<ContextSource> contextFiles;

    /** Made by the composition; opened here, before the parts below that draw on it are made. */
    @Inject
    Provider<ChatTerminal> terminal;

    @Inject
    Provider<TerminalToolApprover> approvers;

    @Inject
    Provider<InteractiveChat> interactiveChats;

    @Inject
    Provider<McpAccess> mcp;

    @Inject
    Provider<AgentAccess> agents;

    /** The agent of this run: chosen before the tools are made, since their settings come from it. */
    @Inject
    Provider<ChosenAgent> chosenAgent;

    private ChatAgent agent;

    @Override
    public Integer call() {
        checkOptions();
        boolean oneShot = !prompt.isEmpty() || noInteractive || json || !environment.interactive();
        String question = oneShot ? OneShotQuestion.from(prompt, environment.in(), environment.inputPiped()) : null;
        ToolPolicy policy = new ToolPolicy(environment.workingDirectory(), trustAllTools, trustTools);
        SessionMetadata metadata = SessionMetadata.lookUp(aws.get().credentials(profile), profileName(),
                oneShot ? SessionType.NON_INTERACTIVE : SessionType.INTERACTIVE,
                environment.workingDirectory().toString(), agentName);
        return oneShot ? oneShot(question, policy, metadata) : interactive(policy, metadata);
    }

    private int oneShot(String question, ToolPolicy policy, SessionMetadata metadata) {
        agent.applyTo(tools.get(), policy);
        McpAccess.RunningServers servers = mcp.get().start(mcpConfig, agent.servers(), tools.get(),
                ChatServers.refuseInOneShot(environment.err()), ChatServers.oneShotNotices(environment.err()));
        try {
            servers.awaitStarts();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        SessionContext context = context();
        Chat chat = chats.get().create(profile, tools.get(), policy,
                new OneShotToolApprover(environment.err(), tools.get()), context, agent.systemPrompt());
        agent.startHooks(context, () -> agents.get().hooks(), environment.workingDirectory());
        ChatSession session = open(chat, metadata);
        CompletableFuture<Void> recording = metadata.recordOn(session);
        try {
            new OneShotChat(environment.out(), json).ask(session, question);
        } finally {
            SessionMetadata.await(recording);
        }
        return 0;
    }

    private int interactive(ToolPolicy policy, SessionMetadata metadata) {
        try (ChatTerminal opened = terminal.get().open()) {
            boolean agentRefused = !askToApproveTheAgent(opened);
            agent.applyTo(tools.get(), policy);
            McpAccess.WorkspaceApprover ask = ChatServers.askAtTheTerminal(opened.input(), opened.writer(),
                    opened.style());
            // An agent file the user just refused is not asked about again for its servers.
            McpAccess.WorkspaceApprover approver = agentRefused ? (file, runs) -> !isTheAgentFile(file)
                    && ask.approve(file, runs) : ask;
            // In the background: the prompt comes at once, and a server's tools join when it is ready.
            McpAccess.RunningServers servers = mcp.get().start(mcpConfig, agent.servers(), tools.get(), approver,
                    ChatServers.interactiveNotices(opened.input(), opened.style()));
            SessionContext context = context();
            Chat chat = chats.get().create(profile, tools.get(), policy, approvers.get(), context,
                    agent.systemPrompt());
            agent.startHooks(context, () -> agents.get().hooks(), environment.workingDirectory());
            ChatSession session = open(chat, metadata);
            CompletableFuture<Void> recording = metadata.recordOn(session);
            interactiveChats.get().run(session, new ChatRun(chat, policy, metadata, servers));
            // Left before the first message: no conversation to write the identity into, so no lookup to wait for.
            if (session.isSaved()) {
                SessionMetadata.await(recording);
            }
        }
        return 0;
    }

    /**
     * A workspace agent that would run commands or trust tools is asked about once its file is unapproved; approved,
     * it is used in full from now on.
     */
    private boolean askToApproveTheAgent(ChatTerminal opened) {
        Optional<Agent> chosen = agent.agent();
        if (chosen.isEmpty() || chosenAgent.get().trusted() || !chosen.get().needsApproval()) {
            return true;
        }
        Agent workspaceAgent = chosen.get();
        if (ChatServers.ask(opened.input(), opened.writer(), opened.style(), "The workspace agent file "
                        + TerminalText.escape(workspaceAgent.source().toString()) + " would:",
                ChatAgent.whatItWouldDo(workspaceAgent),
                "Allow it, now and whenever this file is unchanged? [y/n] ",
                "Not allowed: its hooks are skipped and its allowedTools trust nothing. redux_cli agent approve "
                        + "approves it later.")) {
            agents.get().approve(workspaceAgent);
            chosenAgent.get().choose(workspaceAgent, true);
            return true;
        }
        return false;
    }

    private boolean isTheAgentFile(Path file) {
        return agent.agent().flatMap(Agent::workspaceFile).map(workspaceFile -> workspaceFile.realPath().equals(file))
                .orElse(false);
    }

    /** Every option and setting is checked before anything is read from stdin or written. */
    private void checkOptions() {
        aws.get().check(profile);
        agent = new ChatAgent(chosenAgent.get(), line -> {
            environment.err().println(line);
            environment.err().flush();
        });
        if (agentName != null) {
            Agent found = agent.find(agents.get(), agentName);
            chosenAgent.get().choose(found, agents.get().approved(found));
            agent.sayWhatIsIgnored();
            modelId = agent.model(modelId);
        }
        if (ResumeOption.isPromptWord(resume)) {
            prompt = ResumeOption.withFirstWord(resume, prompt);
            resume = ResumeOption.LATEST;
        }
        if (conversationId != null && resume != null) {
            throw new InvalidInputException("Give --conversation-id or --resume, not both: --conversation-id starts "
                    + "or continues, --resume only continues.");
        }
        if (mcpConfig != null && !Files.isRegularFile(mcpConfig)) {
            throw new InvalidInputException("--mcp-config: there is no file " + mcpConfig + ".");
        }
        if (!trustTools.isEmpty()) {
            tools.get().requireKnown(trustTools, "--trust-tools");
        }
        // A model id can be well formed and still name nothing its service can call (a SageMaker component= without
        // a name): routing it now makes that bad usage before a conversation is touched, not a failed first turn.
        aws.get().routes().describe(modelId != null ? modelId : ModelChoice.resolve(null, environment));
    }

    /** Opens the conversation, says which unreadable ones a --resume passed over, and checks its model's route. */
    private ChatSession open(Chat chat, SessionMetadata metadata) {
        ChatSession session = chat.open(openCommand(metadata));
        for (UnreadableConversation skipped : session.unreadableSkipped()) {
            environment.err().println(TerminalText.escape("redux_cli: warning: --resume passed over "
                    + skipped.location() + ", which could not be read (" + skipped.reason() + ") and may be a newer "
                    + "conversation of this folder"));
        }
        for (String warning : chat.context().read().warnings()) {
            environment.err().println(TerminalText.escape("redux_cli: warning: context file " + warning));
        }
        environment.err().flush();
        aws.get().routes().describe(session.model());
        return session;
    }

    private OpenConversation openCommand(SessionMetadata metadata) {
        if (conversationId != null) {
            return OpenConversation.startOrContinue(conversationId, modelId, metadata.forNewConversation());
        }
        if (resume == null) {
            return OpenConversation.start(modelId, metadata.forNewConversation());
        }
        if (resume.equals(ResumeOption.LATEST)) {
            return OpenConversation.resumeLatestIn(environment.workingDirectory().toString(), modelId);
        }
        return OpenConversation.resume(ConversationId.parse(resume), modelId);
    }

    /** The original CLI's default context files of the working directory, changed by /context for the session. */
    private SessionContext context() {
        return new SessionContext(contextFiles.get(), agent.contextSelection());
    }

    private String profileName() {
        return profile != null ? profile : environment.variable("AWS_PROFILE");
    }
}
