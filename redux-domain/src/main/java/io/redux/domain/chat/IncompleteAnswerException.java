package io.redux.domain.chat;

import io.redux.domain.error.ModelInvocationException;
import io.redux.domain.model.StopReason;

/**
 * A turn whose answer broke off after part of it was shown (the stream was cut, stalled or failed): that part is
 * stored, marked {@link StopReason#INCOMPLETE}, and the turn still failed, with the model call's reason.
 */
public final class IncompleteAnswerException extends ModelInvocationException {

    private final transient TurnResult result;

    IncompleteAnswerException(ModelInvocationException failure, TurnResult result) {
        super(failure.reason(), failure.getMessage() + " The part of the answer already received is saved, marked"
                + " incomplete.", failure);
        this.result = result;
    }

    /** What the turn came to: its stored messages, the partial answer, {@link StopReason#INCOMPLETE}. */
    public TurnResult result() {
        return result;
    }
}
