package io.redux.domain.port;

import io.redux.domain.model.ToolCall;

/**
 * Asks the user whether a tool call the policy does not trust may run. The interactive CLI asks
 * {@code Allow? [y/n/t]}; one-shot mode uses {@link #REFUSE}.
 */
@FunctionalInterface
public interface ToolApprover {

    /** Refuses every call it is asked about: for sessions with nobody to ask. */
    ToolApprover REFUSE = call -> Decision.DENY;

    enum Decision {
        /** Run this call. */
        ALLOW,
        /** Do not run it; the model is told the user refused. */
        DENY,
        /** Run this call and every later call of the same tool in this session without asking. */
        TRUST_FOR_SESSION
    }

    /** Called on the thread running the turn, after the call is stored and before it runs. */
    Decision decide(ToolCall call);
}
