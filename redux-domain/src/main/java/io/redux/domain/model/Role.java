package io.redux.domain.model;

import java.util.Optional;

/** The role of a message, with the name it has in a conversation file. */
public enum Role {
    USER("user"),
    ASSISTANT("assistant"),
    TOOL_CALL("tool_call"),
    TOOL_RESULT("tool_result");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Role> fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName.equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
