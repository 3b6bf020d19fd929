package io.redux.cli.chat;

import io.redux.domain.error.InvalidInputException;
import io.redux.domain.model.ConversationId;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code --resume [UUID]} takes the next argument as its value when it is a conversation id; a word that is plainly
 * not one (a word of a question) starts the prompt, so {@code chat --resume "a question"} resumes the latest
 * conversation and asks the question. A word that looks like an id but is not a valid one is refused: taken as the
 * prompt, a mistyped id would continue another conversation than the one meant. {@code chat --resume -- "PROMPT"} is
 * the form that is never ambiguous.
 */
final class ResumeOption {

    /** The value of a bare {@code --resume}: the latest conversation of the working directory. */
    static final String LATEST = "";

    /** Hex digits and dashes with at least one digit, 8 or more: a UUID, a part of one, or one without its dashes. */
    private static final Pattern HEX_WITH_A_DIGIT = Pattern.compile("(?=[^0-9]*[0-9])[0-9a-fA-F-]{8,}");
    /** Five groups joined by dashes, as a UUID has, whatever their characters. */
    private static final Pattern UUID_SHAPED = Pattern.compile("[^-\\s]+(-[^-\\s]+){4}");

    private ResumeOption() {
    }

    /**
     * Whether the value picocli gave {@code --resume} is really the first word of the prompt.
     *
     * @throws InvalidInputException when it looks like a mistyped conversation id
     */
    static boolean isPromptWord(String value) {
        if (value == null || value.equals(LATEST) || ConversationId.isValid(value)) {
            return false;
        }
        if (HEX_WITH_A_DIGIT.matcher(value).matches() || UUID_SHAPED.matcher(value).matches()) {
            throw new InvalidInputException("--resume " + InvalidInputException.quote(value) + " is not a conversation "
                    + "id (a UUID such as 550e8400-e29b-41d4-a716-446655440000; 'redux_cli conversations list' shows "
                    + "them); to resume the latest conversation with a prompt, write: redux_cli chat --resume -- "
                    + "\"PROMPT\"");
        }
        return true;
    }

    static List<String> withFirstWord(String word, List<String> prompt) {
        List<String> words = new ArrayList<>(prompt.size() + 1);
        words.add(word);
        words.addAll(prompt);
        return words;
    }
}
