package io.redux.cli.chat;

import io.redux.cli.CliEnvironment;
import io.redux.cli.ModelChoice;
import io.redux.cli.aws.AwsAccess;
import io.redux.domain.chat.Chat;
import io.redux.domain.chat.SessionContext;
import io.redux.domain.port.ConversationRepository;
import io.redux.domain.port.ToolApprover;
import io.redux.domain.tool.ToolPolicy;
import io.redux.domain.tool.ToolRegistry;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * Builds the chat use case for one command run, once its options (profile, trusted tools, approver, context files) are
 * known.
 */
public final class ChatFactory {

    private final ConversationRepository conversations;
    private final AwsAccess aws;
    private final Clock clock;
    private final CliEnvironment environment;

    @Inject
    public ChatFactory(ConversationRepository conversations, AwsAccess aws, Clock clock, CliEnvironment environment) {
        this.conversations = conversations;
        this.aws = aws;
        this.clock = clock;
        this.environment = environment;
    }

    public Chat create(String profile, ToolRegistry tools, ToolPolicy policy, ToolApprover approver,
                       SessionContext context) {
        return create(profile, tools, policy, approver, context, Chat.DEFAULT_SYSTEM_PROMPT);
    }

    /** As above, with {@code systemPrompt} (an agent's prompt joined to Redux's). */
    public Chat create(String profile, ToolRegistry tools, ToolPolicy policy, ToolApprover approver,
                       SessionContext context, String systemPrompt) {
        return Chat.builder()
                .systemPrompt(systemPrompt)
                .conversations(conversations)
                .gateway(aws.gateway(profile))
                .tools(tools, policy, approver)
                .context(context)
                .clock(clock)
                .defaultModel(ModelChoice.resolve(null, environment))
                .build();
    }
}
