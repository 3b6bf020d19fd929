package io.redux.tools.violation;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Breaks the rules on purpose, to show the architecture rules catch it. Test code only. */
public final class ToolUsingJackson {

    public Object mapper() {
        return new ObjectMapper();
    }
}
