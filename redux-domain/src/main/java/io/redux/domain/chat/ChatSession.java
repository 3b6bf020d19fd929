package io.redux.domain.chat;

import io.redux.domain.error.ConversationAlreadyExistsException;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationListing.UnreadableConversation;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.Message;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.TokenUsage;
import io.redux.domain.port.ConversationRepository;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * One conversation being had. {@link #send} takes a user turn: it stores the prompt at once, streams the answer to
 * the listener, stores the answer the moment it is complete, runs the tools the model asks for (stored call, approval,
 * run, stored result) and asks the model again until it stops without asking for tools. Every message is stored as
 * soon as it exists, so an ended process loses at most the answer still streaming.
 *
 * <p>One turn runs at a time. {@link #cancel()} may be called from any thread (a Ctrl-C handler): the stream stops,
 * the partial answer is stored with stop reason INTERRUPTED, and no further model call or tool run starts.
 * Interrupting the thread that runs the turn has the same effect.
 *
 * <p>A new conversation is stored with its first message, so a session left before it says anything stores nothing.
 * If the first turn of a new conversation fails before any answer is stored, the conversation, then holding only its
 * prompt, is removed again and the session is back where it started: a failed start leaves nothing behind. (Should
 * the process die during that request, the prompt stays stored, as every prompt is.)
 */
public final class ChatSession {

    /** Where the conversation is stored, the time of changes, and what a turn is given. */
    private final Setup setup;
    private final ConversationId id;
    private final AtomicReference<TurnControl> running = new AtomicReference<>();
    private final List<UnreadableConversation> unreadableSkipped;
    /** Whether the id may already be taken when the first message is stored; then that conversation is continued. */
    private final boolean continueIfTaken;
    /** Guards {@link #unsaved}: the identity may be recorded from another thread while the first message is stored. */
    private final Object firstSave = new Object();
    private volatile Conversation conversation;
    /** The new conversation until its first message is stored; null once it is stored. */
    private Conversation unsaved;
    /** The message this session created the stored conversation with, during the turn that runs; else null. */
    private Message createdWith;
    /** What a turn sees of this session's conversation. */
    private final TurnContext.StoredConversation turnView = new TurnContext.StoredConversation() {
        @Override
        public Conversation current() {
            return conversation;
        }

        @Override
        public void store(Message message) {
            ChatSession.this.store(message);
        }
    };

    private ChatSession(Setup setup, Conversation conversation, boolean stored, boolean continueIfTaken,
                        List<UnreadableConversation> unreadableSkipped) {
        this.setup = setup;
        this.id = conversation.id();
        this.conversation = conversation;
        this.unsaved = stored ? null : conversation;
        this.continueIfTaken = continueIfTaken;
        this.unreadableSkipped = List.copyOf(unreadableSkipped);
    }

    /** A session on a new conversation, stored with its first message. */
    static ChatSession starting(Setup setup, Conversation conversation, boolean continueIfTaken) {
        return new ChatSession(setup, conversation, false, continueIfTaken, List.of());
    }

    /** A session on a stored conversation; {@code unreadableSkipped} are those not considered when it was looked for. */
    static ChatSession continuing(Setup setup, Conversation conversation,
                                  List<UnreadableConversation> unreadableSkipped) {
        return new ChatSession(setup, conversation, true, false, unreadableSkipped);
    }

    public ConversationId id() {
        return id;
    }

    /** Whether the conversation is stored: false for a new one until its first message. */
    public boolean isSaved() {
        synchronized (firstSave) {
            return unsaved == null;
        }
    }

    /**
     * The stored conversations that could not be read when this session looked for the latest conversation of a
     * folder; one of them may have been newer. Empty for a session opened by id or on a new conversation.
     */
    public List<UnreadableConversation> unreadableSkipped() {
        return unreadableSkipped;
    }

    /**
     * The conversation as last stored by this session (with what other writers stored before that), or the new one
     * not stored yet.
     */
    public Conversation conversation() {
        return conversation;
    }

    public ModelId model() {
        return conversation.modelId();
    }

    /**
     * Takes one user turn.
     *
     * @throws InvalidInputException    when the prompt is blank
     * @throws ModelInvocationException when the model fails; the prompt and whatever the turn stored before stay stored,
     *                                  except in a new conversation that got no answer: that one is removed again
     * @throws IllegalStateException    when another turn of this session is running
     */
    public TurnResult send(String prompt, ChatListener listener) {
        if (prompt == null || prompt.isBlank()) {
            throw new InvalidInputException("The prompt is empty; type a question or a request.");
        }
        TurnControl control = begin();
        try {
            setup.context().beforePrompt(prompt);
            return new TurnLoop(turnContext(control, listener)).run(prompt);
        } catch (RuntimeException | Error e) {
            removeIfUnanswered(e);
            throw e;
        } finally {
            createdWith = null;
            end(control);
        }
    }

    /** Stops the turn in flight, if any. */
    public void cancel() {
        TurnControl control = running.get();
        if (control != null) {
            control.cancel();
        }
    }

    public boolean isTurnRunning() {
        return running.get() != null;
    }

    /** Continues with {@code model}; the switch is stored, and later turns go to the new model. */
    public void switchModel(ModelId model) {
        if (model.equals(conversation.modelId())) {
            return;
        }
        synchronized (firstSave) {
            if (unsaved != null) {
                unsaved = unsaved.withModel(model, setup.clock().instant());
                conversation = unsaved;
                return;
            }
        }
        conversation = setup.conversations().update(id, c -> c.withModel(model, setup.clock().instant()));
    }

    /**
     * Changes the conversation's metadata: kept with the new conversation until its first message is stored, else
     * stored at once. May be called from any thread (the caller's identity is often known only after the session
     * opened).
     */
    public void updateMetadata(UnaryOperator<ConversationMetadata> change) {
        // Under the lock, so a failed start being removed cannot lose the change between its look and its delete.
        synchronized (firstSave) {
            if (unsaved != null) {
                unsaved = unsaved.withMetadata(change.apply(unsaved.metadata()));
                conversation = unsaved;
                return;
            }
            // Not into this.conversation: the turn's thread owns it, and the next message stored brings this along.
            setup.conversations().update(id, c -> c.withMetadata(change.apply(c.metadata())));
        }
    }

    /** The tokens of every stored answer of this conversation. */
    public TokenUsage usage() {
        return answers().map(AssistantMessage::usage).filter(Objects::nonNull).reduce(TokenUsage.NONE, TokenUsage::plus);
    }

    /** The usage of the latest answer that reported one; its input tokens tell how full the model's context is. */
    public Optional<TokenUsage> lastUsage() {
        List<AssistantMessage> withUsage = answers().filter(a -> a.usage() != null).toList();
        return withUsage.isEmpty() ? Optional.empty() : Optional.of(withUsage.get(withUsage.size() - 1).usage());
    }

    /**
     * Asks the model to summarise the history and continues from that summary (see {@link Compaction} for how it is
     * stored). When the history is too long even to summarise, the older half is left out, up to three times.
     * Interrupted or given an empty summary, nothing is stored.
     */
    public CompactResult compact(ChatListener listener) {
        TurnControl control = begin();
        try {
            return new CompactionRun(turnContext(control, listener)).run();
        } finally {
            end(control);
        }
    }

    private TurnContext turnContext(TurnControl control, ChatListener listener) {
        return setup.turns().open(turnView, listener == null ? ChatListener.SILENT : listener, control);
    }

    /** Stores {@code message}: with it, a new conversation; else appended to the stored one. */
    private void store(Message message) {
        if (!storeFirst(message)) {
            conversation = setup.conversations().append(id, message);
        }
    }

    /** Stores a new conversation with {@code message}; false when it is stored already (or another writer's is). */
    private boolean storeFirst(Message message) {
        synchronized (firstSave) {
            if (unsaved == null) {
                return false;
            }
            Conversation first = unsaved.append(message);
            try {
                setup.conversations().create(first);
            } catch (ConversationAlreadyExistsException taken) {
                if (!continueIfTaken) {
                    throw taken;
                }
                unsaved = null;
                return false;
            }
            unsaved = null;
            createdWith = message;
            conversation = first;
            return true;
        }
    }

    /**
     * After a failed turn: a conversation this turn created that still holds only the turn's prompt is removed, so a
     * failed start leaves nothing behind, and the session is new again. Anything another writer added keeps it.
     */
    private void removeIfUnanswered(Throwable failure) {
        if (createdWith == null) {
            return;
        }
        synchronized (firstSave) {
            try {
                Optional<Conversation> stored = setup.conversations().find(id);
                List<Message> messages = stored.map(Conversation::messages).orElse(List.of());
                if (messages.size() == 1 && messages.get(0).id().equals(createdWith.id())) {
                    setup.conversations().delete(id);
                    unsaved = withoutMessages(stored.get());
                    conversation = unsaved;
                }
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static Conversation withoutMessages(Conversation stored) {
        return new Conversation(stored.id(), stored.createdAt(), stored.createdAt(), stored.modelId(), stored.region(),
                List.of(), stored.metadata());
    }

    private Stream<AssistantMessage> answers() {
        return conversation.messages().stream().filter(AssistantMessage.class::isInstance)
                .map(AssistantMessage.class::cast);
    }

    private TurnControl begin() {
        TurnControl control = new TurnControl(Thread.currentThread());
        if (!running.compareAndSet(null, control)) {
            throw new IllegalStateException("A turn of conversation " + id + " is already running; wait for it or "
                    + "cancel it first.");
        }
        return control;
    }

    private void end(TurnControl control) {
        running.set(null);
        control.restoreOutsideInterrupt();
    }

    /** What a session takes from its {@link Chat}: the repository, the clock, and how a turn is given its context. */
    record Setup(ConversationRepository conversations, Clock clock, TurnContext.Factory turns, SessionContext context) {
    }
}
