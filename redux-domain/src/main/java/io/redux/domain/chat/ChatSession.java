package io.redux.domain.chat;

import io.redux.domain.error.InvalidInputException;
import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.Message;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.TokenUsage;
import io.redux.domain.model.UserMessage;
import io.redux.domain.port.ModelEvent;
import io.redux.domain.port.ModelRequest;
import io.redux.domain.port.ModelResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
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
 */
public final class ChatSession {

    private final Chat chat;
    private final ConversationId id;
    private final AtomicReference<TurnControl> running = new AtomicReference<>();
    private volatile Conversation conversation;

    ChatSession(Chat chat, Conversation conversation) {
        this.chat = chat;
        this.id = conversation.id();
        this.conversation = conversation;
    }

    public ConversationId id() {
        return id;
    }

    /** The conversation as last stored by this session (with what other writers stored before that). */
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
     * @throws ModelInvocationException when the model fails; the prompt and whatever the turn stored before stay stored
     * @throws IllegalStateException    when another turn of this session is running
     */
    public TurnResult send(String prompt, ChatListener listener) {
        if (prompt == null || prompt.isBlank()) {
            throw new InvalidInputException("The prompt is empty; type a question or a request.");
        }
        TurnControl control = begin();
        try {
            return new TurnLoop(chat, this, control, listener == null ? ChatListener.SILENT : listener).run(prompt);
        } finally {
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
        if (!model.equals(conversation.modelId())) {
            conversation = chat.conversations().update(id, c -> c.withModel(model, chat.now()));
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
            return new CompactionRun(chat, this, control, listener == null ? ChatListener.SILENT : listener).run();
        } finally {
            end(control);
        }
    }

    Message save(Message message, ChatListener listener) {
        conversation = chat.conversations().append(id, message);
        listener.onMessageSaved(message);
        return message;
    }

    /** A request with the history to continue from, and {@code extra} messages after it that are not stored. */
    ModelRequest request(List<Message> history, Message... extra) {
        List<Message> sent = new ArrayList<>(history);
        sent.addAll(List.of(extra));
        return new ModelRequest(conversation.modelId(), chat.systemPromptFor(conversation), sent, chat.tools().specs(),
                chat.settings());
    }

    /** Streams a model answer; text deltas go to {@code partial} and the listener, and a cancel stops the stream. */
    ModelResponse stream(ModelRequest request, TurnControl control, ChatListener listener, StringBuilder partial) {
        listener.onModelCall();
        return control.interruptibly(() -> chat.gateway().converseStream(request, event -> {
            if (event instanceof ModelEvent.Stop) {
                return;
            }
            control.throwIfCancelled();
            if (event instanceof ModelEvent.TextDelta delta) {
                partial.append(delta.text());
                listener.onTextDelta(delta.text());
            }
        }));
    }

    UserMessage userMessage(String text) {
        return new UserMessage(chat.newMessageId(), chat.now(), text);
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
}
