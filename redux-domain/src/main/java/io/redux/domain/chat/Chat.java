package io.redux.domain.chat;

import io.redux.domain.error.ConversationAlreadyExistsException;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationListing;
import io.redux.domain.model.ConversationSummary;
import io.redux.domain.model.ModelId;
import io.redux.domain.port.ConversationRepository;
import io.redux.domain.port.InferenceSettings;
import io.redux.domain.port.ModelGateway;
import io.redux.domain.port.ToolApprover;
import io.redux.domain.tool.ToolPolicy;
import io.redux.domain.tool.ToolRegistry;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The chat use case: opens {@link ChatSession}s on stored conversations. Built once with its ports; no framework
 * needed:
 *
 * <pre>{@code
 * Chat chat = Chat.builder().conversations(repository).gateway(gateway).build();
 * ChatSession session = chat.open(OpenConversation.start(model, ConversationMetadata.EMPTY));
 * session.send("Hello", ChatListener.streamingTextTo(System.out::print));
 * }</pre>
 */
public final class Chat {

    public static final int DEFAULT_MAX_TOOL_ROUNDS = 25;
    public static final String DEFAULT_SYSTEM_PROMPT = "You are Redux, an AI assistant in the user's terminal. "
            + "Tools run on the user's machine; the user may refuse a tool call, so say what you need and why.";

    private final ConversationRepository conversations;
    private final ModelGateway gateway;
    private final ToolRegistry tools;
    private final ToolPolicy policy;
    private final ToolApprover approver;
    private final Clock clock;
    private final Supplier<String> messageIds;
    private final String systemPrompt;
    private final InferenceSettings settings;
    private final int maxToolRounds;
    private final ModelId defaultModel;
    private final ChatSession.Setup sessions;
    private final SessionContext context;

    private Chat(Builder builder) {
        this.conversations = Objects.requireNonNull(builder.conversations, "conversations (a ConversationRepository)");
        this.gateway = Objects.requireNonNull(builder.gateway, "gateway (a ModelGateway)");
        this.tools = builder.tools;
        this.policy = builder.policy;
        this.approver = builder.approver;
        this.clock = builder.clock;
        this.messageIds = builder.messageIds;
        this.systemPrompt = builder.systemPrompt;
        this.settings = builder.settings;
        this.maxToolRounds = builder.maxToolRounds;
        this.defaultModel = builder.defaultModel;
        this.context = builder.context;
        this.sessions = new ChatSession.Setup(conversations, clock, this::turnContext, context);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts or continues a conversation as {@code command} says. Continuing with another model records the switch.
     * A new conversation is stored with its first message, not before: a session left before it says anything, or
     * whose first request fails before any answer, leaves nothing behind (see {@link ChatSession#send}).
     *
     * @throws io.redux.domain.error.ConversationNotFoundException when a conversation to continue does not exist
     * @throws ConversationAlreadyExistsException                  when a conversation to start exists
     * @throws ModelRequiredException          when a new conversation has no model
     * @throws NoConversationInFolderException when no conversation was started in the working directory to continue
     */
    public ChatSession open(OpenConversation command) {
        switch (command.mode()) {
            case START:
                if (conversations.find(command.id()).isPresent()) {
                    throw new ConversationAlreadyExistsException(command.id());
                }
                return ChatSession.starting(sessions, newConversation(command), false);
            case START_OR_CONTINUE:
                return conversations.find(command.id())
                        .map(existing -> ChatSession.continuing(sessions, continued(existing, command.model()),
                                List.of()))
                        .orElseGet(() -> ChatSession.starting(sessions, newConversation(command), true));
            case CONTINUE:
                return ChatSession.continuing(sessions, continued(conversations.load(command.id()), command.model()),
                        List.of());
            case CONTINUE_LATEST:
            default:
                ConversationListing listing = conversations.list();
                ConversationId latest = latestIn(command.metadata().workingDirectory(), listing);
                return ChatSession.continuing(sessions, continued(conversations.load(latest), command.model()),
                        listing.unreadable());
        }
    }

    private Conversation newConversation(OpenConversation command) {
        ModelId model = command.model() != null ? command.model() : defaultModel;
        if (model == null) {
            throw new ModelRequiredException();
        }
        return Conversation.start(command.id(), model, command.metadata(), now());
    }

    private Conversation continued(Conversation conversation, ModelId model) {
        if (model == null || model.equals(conversation.modelId())) {
            return conversation;
        }
        return conversations.update(conversation.id(), c -> c.withModel(model, now()));
    }

    private static ConversationId latestIn(String workingDirectory, ConversationListing listing) {
        return listing.latestIn(workingDirectory).map(ConversationSummary::id)
                .orElseThrow(() -> new NoConversationInFolderException(workingDirectory, listing.unreadable()));
    }

    /** What one turn on {@code conversation} needs, heard by {@code listener}, stopped by {@code control}. */
    private TurnContext turnContext(TurnContext.StoredConversation conversation, ChatListener listener,
                                    TurnControl control) {
        return new TurnContext(conversation, gateway, this::systemPromptFor, tools.specs(), settings,
                new ToolRunner(tools, policy, approver), maxToolRounds, clock, messageIds, listener, control);
    }

    private Instant now() {
        return clock.instant();
    }

    /** The context files of this run, which the system prompt of every request carries as they are then. */
    public SessionContext context() {
        return context;
    }

    private String systemPromptFor(Conversation conversation) {
        String directory = conversation.metadata().workingDirectory();
        String prompt = directory == null ? systemPrompt
                : systemPrompt + "\nThe user's working directory is " + directory + ".";
        return prompt + ContextPrompt.render(context.read().files()) + ContextPrompt.renderHooks(context.hookOutput());
    }

    /** Every part but the repository and the gateway has a default. */
    public static final class Builder {
        private ConversationRepository conversations;
        private ModelGateway gateway;
        private ToolRegistry tools = ToolRegistry.none();
        private ToolPolicy policy = ToolPolicy.defaults(Path.of(""));
        private ToolApprover approver = ToolApprover.REFUSE;
        private Clock clock = Clock.systemUTC();
        private Supplier<String> messageIds = () -> "msg_" + UUID.randomUUID();
        private String systemPrompt = DEFAULT_SYSTEM_PROMPT;
        private SessionContext context = SessionContext.none();
        private InferenceSettings settings = InferenceSettings.DEFAULTS;
        private int maxToolRounds = DEFAULT_MAX_TOOL_ROUNDS;
        private ModelId defaultModel;

        private Builder() {
        }

        public Builder conversations(ConversationRepository repository) {
            this.conversations = repository;
            return this;
        }

        public Builder gateway(ModelGateway modelGateway) {
            this.gateway = modelGateway;
            return this;
        }

        /** The tools offered to the model, which of them run without asking, and who is asked about the rest. */
        public Builder tools(ToolRegistry registry, ToolPolicy toolPolicy, ToolApprover toolApprover) {
            this.tools = Objects.requireNonNull(registry, "registry");
            this.policy = Objects.requireNonNull(toolPolicy, "toolPolicy");
            this.approver = Objects.requireNonNull(toolApprover, "toolApprover");
            return this;
        }

        public Builder clock(Clock timeSource) {
            this.clock = Objects.requireNonNull(timeSource, "clock");
            return this;
        }

        /** Ids of new messages; they must be unique within a conversation. Default: {@code msg_<random UUID>}. */
        public Builder messageIds(Supplier<String> ids) {
            this.messageIds = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /** The context files the system prompt carries (none by default). */
        public Builder context(SessionContext value) {
            this.context = Objects.requireNonNull(value, "context");
            return this;
        }

        /** Replaces {@link #DEFAULT_SYSTEM_PROMPT}; the working directory and context files are still added. */
        public Builder systemPrompt(String prompt) {
            this.systemPrompt = Objects.requireNonNull(prompt, "prompt");
            return this;
        }

        public Builder settings(InferenceSettings inferenceSettings) {
            this.settings = Objects.requireNonNull(inferenceSettings, "settings");
            return this;
        }

        /** How many rounds of tool calls one user turn may run before the session stops and hands back. */
        public Builder maxToolRounds(int rounds) {
            if (rounds < 1) {
                throw new InvalidInputException("The limit of tool rounds must be at least 1, not " + rounds);
            }
            this.maxToolRounds = rounds;
            return this;
        }

        /** The model of new conversations opened without one. */
        public Builder defaultModel(ModelId model) {
            this.defaultModel = model;
            return this;
        }

        public Chat build() {
            return new Chat(this);
        }
    }
}
