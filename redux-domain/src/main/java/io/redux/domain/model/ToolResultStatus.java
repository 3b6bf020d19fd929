package io.redux.domain.model;

import java.util.Optional;

public enum ToolResultStatus {
    SUCCESS("success"),
    ERROR("error");

    private final String wireName;

    ToolResultStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ToolResultStatus> fromWireName(String name) {
        for (ToolResultStatus status : values()) {
            if (status.wireName.equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
