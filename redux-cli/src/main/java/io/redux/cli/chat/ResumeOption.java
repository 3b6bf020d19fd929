package io.redux.cli.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code --resume [UUID]} takes the next argument as its value only when it looks like a conversation id, so
 * {@code chat --resume "a question"} resumes the latest conversation and asks the question.
 */
final class ResumeOption {

    /** The value of a bare {@code --resume}: the latest conversation of the working directory. */
    static final String LATEST = "";

    private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}");

    private ResumeOption() {
    }

    /** Whether the value picocli gave {@code --resume} is really the first word of the prompt. */
    static boolean isPromptWord(String value) {
        return value != null && !value.equals(LATEST) && !UUID_LIKE.matcher(value).matches();
    }

    static List<String> withFirstWord(String word, List<String> prompt) {
        List<String> words = new ArrayList<>(prompt.size() + 1);
        words.add(word);
        words.addAll(prompt);
        return words;
    }
}
