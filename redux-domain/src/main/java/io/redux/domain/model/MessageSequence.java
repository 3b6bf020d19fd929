package io.redux.domain.model;

import io.redux.domain.error.InvalidInputException;

import java.util.HashSet;
import java.util.Set;

/**
 * The rules of a conversation's messages, checked one message at a time, so a reader that streams a long
 * conversation checks exactly what {@link Conversation} does: ids are unique, and every tool result answers a tool
 * call that comes before it.
 */
public final class MessageSequence {

    private final ConversationId conversation;
    private final Set<String> ids = new HashSet<>();
    private final Set<String> toolCalls = new HashSet<>();

    public MessageSequence(ConversationId conversation) {
        this.conversation = conversation;
    }

    /** @throws InvalidInputException when {@code message} breaks a rule after the messages added so far */
    public void add(Message message) {
        if (!ids.add(message.id())) {
            throw new InvalidInputException("Conversation " + conversation + " has two messages with the id "
                    + message.id());
        }
        if (message instanceof ToolCall) {
            toolCalls.add(message.id());
        } else if (message instanceof ToolResult result && !toolCalls.contains(result.toolCallId())) {
            throw new InvalidInputException("Conversation " + conversation + ": tool_result " + result.id()
                    + " answers tool_call " + result.toolCallId() + ", which does not come before it");
        }
    }
}
