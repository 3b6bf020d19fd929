package io.redux.cli.output;

import io.redux.domain.error.InvalidInputException;

import java.util.Locale;

/** What a conversation is exported as: the stored JSON document, or a readable Markdown transcript. */
public enum ExportFormat {
    JSON,
    MARKDOWN;

    /** The format a user names: {@code json}, {@code markdown} or {@code md}, in any case. */
    public static ExportFormat named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "markdown", "md" -> MARKDOWN;
            case "json" -> JSON;
            default -> throw new InvalidInputException("Unknown export format " + InvalidInputException.quote(name)
                    + "; use markdown or json");
        };
    }
}
