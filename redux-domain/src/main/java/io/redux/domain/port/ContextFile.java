package io.redux.domain.port;

/**
 * A file of the working folder given to the model as context, as it was read.
 *
 * @param path          the file's path relative to the working folder, as the model sees it
 * @param text          its text, cut to the size cap when it is larger
 * @param size          the file's size in bytes
 * @param omittedBytes  how many bytes of it were left out by the cap; 0 when it is whole
 */
public record ContextFile(String path, String text, long size, long omittedBytes) {

    /** One token per four characters: the usual estimate for English text and code, good enough to compare files. */
    public static final int CHARACTERS_PER_TOKEN = 4;

    public boolean truncated() {
        return omittedBytes > 0;
    }

    /** The tokens the text sent costs, estimated ({@link #CHARACTERS_PER_TOKEN}). */
    public long estimatedTokens() {
        return (text.length() + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN;
    }
}
