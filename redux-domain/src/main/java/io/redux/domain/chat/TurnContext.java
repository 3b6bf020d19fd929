package io.redux.domain.chat;

import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.Message;
import io.redux.domain.model.StopReason;
import io.redux.domain.model.TokenUsage;
import io.redux.domain.model.ToolCall;
import io.redux.domain.model.UserMessage;
import io.redux.domain.port.InferenceSettings;
import io.redux.domain.port.ModelEvent;
import io.redux.domain.port.ModelGateway;
import io.redux.domain.port.ModelRequest;
import io.redux.domain.port.ModelResponse;
import io.redux.domain.port.ToolSpec;
import io.redux.domain.tool.ToolOutput;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything one turn (or one compaction) needs, in one place: the conversation it adds to, the model, the tools,
 * the clock and message ids, who listens and how the turn is stopped. {@link TurnLoop} and {@link CompactionRun} read
 * top to bottom against it and reach into nothing else.
 */
final class TurnContext {

    /** Gives a turn of the session on {@code conversation} its context, heard by {@code listener}. */
    @FunctionalInterface
    interface Factory {
        TurnContext open(StoredConversation conversation, ChatListener listener, TurnControl control);
    }

    /** The session's conversation: as last stored, and where a message is stored the moment it exists. */
    interface StoredConversation {

        Conversation current();

        void store(Message message);
    }

    private final StoredConversation conversation;
    private final ModelGateway gateway;
    private final Function<Conversation, String> systemPrompt;
    private final List<ToolSpec> toolSpecs;
    private final InferenceSettings settings;
    private final ToolRunner tools;
    private final int maxToolRounds;
    private final Clock clock;
    private final Supplier<String> messageIds;
    private final ChatListener listener;
    private final TurnControl control;

    TurnContext(StoredConversation conversation, ModelGateway gateway, Function<Conversation, String> systemPrompt,
                List<ToolSpec> toolSpecs, InferenceSettings settings, ToolRunner tools, int maxToolRounds, Clock clock,
                Supplier<String> messageIds, ChatListener listener, TurnControl control) {
        this.conversation = conversation;
        this.gateway = gateway;
        this.systemPrompt = systemPrompt;
        this.toolSpecs = List.copyOf(toolSpecs);
        this.settings = settings;
        this.tools = tools;
        this.maxToolRounds = maxToolRounds;
        this.clock = clock;
        this.messageIds = messageIds;
        this.listener = listener;
        this.control = control;
    }

    Conversation conversation() {
        return conversation.current();
    }

    /** Stores {@code message}, tells the listener, and gives it back with its own type. */
    <M extends Message> M save(M message) {
        conversation.store(message);
        listener.onMessageSaved(message);
        return message;
    }

    /**
     * Asks the model to answer {@code history}, with {@code extra} messages after it that are not stored. The answer
     * streams: text deltas go to {@code partial} and the listener, and a cancel stops the stream.
     */
    ModelResponse ask(List<Message> history, StringBuilder partial, Message... extra) {
        List<Message> sent = new ArrayList<>(history);
        sent.addAll(List.of(extra));
        Conversation current = conversation.current();
        ModelRequest request = new ModelRequest(current.modelId(), systemPrompt.apply(current), sent, toolSpecs,
                settings);
        listener.onModelCall();
        return control.interruptibly(() -> gateway.converseStream(request, event -> {
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

    /** Runs the call if the policy trusts it or the user allows it. */
    ToolOutput run(ToolCall call) {
        return tools.run(call, control);
    }

    int maxToolRounds() {
        return maxToolRounds;
    }

    boolean isCancelled() {
        return control.isCancelled();
    }

    Instant now() {
        return clock.instant();
    }

    String newMessageId() {
        return messageIds.get();
    }

    UserMessage userMessage(String text) {
        return new UserMessage(newMessageId(), now(), text);
    }

    AssistantMessage answer(String text, TokenUsage usage, StopReason stopReason) {
        return new AssistantMessage(newMessageId(), now(), text, usage, stopReason);
    }
}
