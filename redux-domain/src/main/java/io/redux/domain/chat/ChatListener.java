package io.redux.domain.chat;

import io.redux.domain.model.Message;

import java.util.function.Consumer;

/** What a user interface hears during a turn, on the thread running it. Every method does nothing by default. */
public interface ChatListener {

    ChatListener SILENT = new ChatListener() { };

    /** The model is being asked and nothing has come back yet: a time for a spinner. */
    default void onModelCall() {
    }

    /** A piece of the answer, as it streams. */
    default void onTextDelta(String text) {
    }

    /** A message was stored: the prompt, an answer, a tool call (before approval is asked) or a tool result. */
    default void onMessageSaved(Message message) {
    }

    /** A listener that hands the streamed text to {@code text}, e.g. {@code System.out::print}. */
    static ChatListener streamingTextTo(Consumer<String> text) {
        return new ChatListener() {
            @Override
            public void onTextDelta(String delta) {
                text.accept(delta);
            }
        };
    }
}
