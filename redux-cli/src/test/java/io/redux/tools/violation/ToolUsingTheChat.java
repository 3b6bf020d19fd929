package io.redux.tools.violation;

import io.redux.domain.chat.Chat;

/** Breaks the rules on purpose, to show the architecture rules catch it. Test code only. */
public final class ToolUsingTheChat {

    public Class<?> chat() {
        return Chat.class;
    }
}
