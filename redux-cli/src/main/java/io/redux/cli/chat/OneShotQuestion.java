package io.redux.cli.chat;

import io.redux.domain.error.InvalidInputException;
import io.redux.domain.error.StorageException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The question of a one-shot chat. With PROMPT and piped input ({@code git diff | redux_cli chat "Review this"}), the
 * prompt comes first and the input follows between {@code <stdin>} tags, so the model tells the request from the
 * material; with one of them, that one alone. Piped input is read up to {@link #LIMIT_BYTES}: more is refused before
 * anything is sent or stored, as a question cut short would be answered as if it were whole.
 */
final class OneShotQuestion {

    static final int LIMIT_BYTES = 1024 * 1024;
    static final String LIMIT = "1 MiB";

    private OneShotQuestion() {
    }

    /**
     * @param words the words of PROMPT, joined with spaces; may be empty
     * @param piped whether stdin brings input; without PROMPT it is read in any case, as the question
     */
    static String from(List<String> words, InputStream stdin, boolean piped) {
        String prompt = String.join(" ", words).strip();
        String input = prompt.isEmpty() || piped ? read(stdin).strip() : "";
        if (prompt.isEmpty() && input.isEmpty()) {
            throw new InvalidInputException("No question: give a PROMPT argument or pipe one to stdin, e.g. "
                    + "echo \"hello\" | redux_cli chat --no-interactive");
        }
        if (input.isEmpty()) {
            return prompt;
        }
        return prompt.isEmpty() ? input : prompt + "\n\n<stdin>\n" + input + "\n</stdin>";
    }

    private static String read(InputStream stdin) {
        try {
            byte[] bytes = stdin.readNBytes(LIMIT_BYTES + 1);
            if (bytes.length > LIMIT_BYTES) {
                throw new InvalidInputException("The piped input is larger than " + LIMIT + ", the most a question "
                        + "may bring; pipe a smaller part, or name the files in the prompt so the model reads "
                        + "them with its file_read tool.");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StorageException("Cannot read the piped input: " + e.getMessage(), e);
        }
    }
}
