package io.redux.domain.chat;

import io.redux.domain.model.ToolCall;
import io.redux.domain.port.ToolApprover;
import io.redux.domain.tool.Tool;
import io.redux.domain.tool.ToolOutput;
import io.redux.domain.tool.ToolPolicy;
import io.redux.domain.tool.ToolRegistry;

import java.util.Optional;

/**
 * Runs one tool call the model asked for, if the policy trusts it or the user allows it. A tool the policy trusts
 * only inside a folder (one {@link io.redux.domain.tool.DefaultTrust#TRUSTED_INSIDE_WORKING_FOLDER}) first runs
 * confined to it; only when that run would reach outside, and so did nothing, is the user asked.
 */
final class ToolRunner {

    static final String CANCELLED = "Not run: the user cancelled this turn.";

    private final ToolRegistry tools;
    private final ToolPolicy policy;
    private final ToolApprover approver;

    ToolRunner(ToolRegistry tools, ToolPolicy policy, ToolApprover approver) {
        this.tools = tools;
        this.policy = policy;
        this.approver = approver;
    }

    ToolOutput run(ToolCall call, TurnControl control) {
        String name = call.toolName();
        try {
            Optional<Tool> tool = tools.find(name);
            if (tool.isPresent() && !policy.trusts(tool.get()) && !policy.trustsCall(tool.get(), call.arguments())) {
                Optional<ToolOutput> inside = policy.trustedFolder(tool.get())
                        .flatMap(folder -> control.interruptibly(() -> tools.runInside(folder, name, call.arguments())));
                if (inside.isPresent()) {
                    return inside.get();
                }
                ToolApprover.Decision decision = approver.decide(call);
                if (decision == ToolApprover.Decision.TRUST_FOR_SESSION) {
                    policy.trust(name);
                } else if (decision != ToolApprover.Decision.ALLOW) {
                    return ToolOutput.error(refused(name));
                }
            }
            return control.interruptibly(() -> tools.run(name, call.arguments()));
        } catch (TurnControl.Cancelled e) {
            return ToolOutput.error(CANCELLED);
        }
    }

    static String refused(String toolName) {
        return "The user refused to run " + toolName + ". Do not ask for it again for this request unless the user "
                + "says so; go on without it, or tell the user what you would need it for.";
    }
}
