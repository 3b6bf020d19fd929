package io.redux.domain.chat;

import io.redux.domain.model.TokenUsage;

/**
 * What {@code /compact} did.
 *
 * @param compacted          whether a summary was stored and the history now continues from it
 * @param summary            the summary, or empty when not compacted
 * @param messagesSummarised how many stored messages the summary stands for
 * @param usage              the tokens the summary took
 */
public record CompactResult(boolean compacted, String summary, int messagesSummarised, TokenUsage usage) {

    static CompactResult notCompacted(TokenUsage usage) {
        return new CompactResult(false, "", 0, usage);
    }
}
