package io.redux.cli.output;

import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.Message;
import io.redux.domain.model.ToolCall;
import io.redux.domain.model.ToolResult;
import io.redux.domain.model.UserMessage;

import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A conversation as a readable Markdown transcript, tool calls and results included. */
public final class MarkdownTranscript implements Message.Visitor<String> {

    private static final Pattern BACKTICK_RUN = Pattern.compile("`+");

    private MarkdownTranscript() {
    }

    public static String render(Conversation conversation) {
        StringBuilder out = new StringBuilder();
        String title = conversation.title().isEmpty() ? "Conversation " + conversation.id() : conversation.title();
        out.append("# ").append(title).append("\n\n");
        out.append("- Conversation: `").append(conversation.id()).append("`\n");
        out.append("- Model: `").append(conversation.modelId()).append("` (").append(conversation.region()).append(")\n");
        out.append("- Created: ").append(conversation.createdAt()).append("\n");
        out.append("- Updated: ").append(conversation.updatedAt()).append("\n");
        ConversationMetadata metadata = conversation.metadata();
        line(out, "AWS profile", metadata.awsProfile());
        line(out, "AWS account", metadata.awsAccountId());
        line(out, "Identity", metadata.userArn());
        line(out, "Working directory", metadata.workingDirectory());
        MarkdownTranscript renderer = new MarkdownTranscript();
        for (Message message : conversation.messages()) {
            out.append("\n---\n\n").append(message.accept(renderer));
        }
        return out.toString();
    }

    @Override
    public String visitUser(UserMessage message) {
        return heading("User", message) + message.content() + "\n";
    }

    @Override
    public String visitAssistant(AssistantMessage message) {
        String note = message.stopReason() == null ? "" : switch (message.stopReason()) {
            case INTERRUPTED -> "\n_(interrupted)_\n";
            case INCOMPLETE -> "\n_(incomplete: the answer broke off)_\n";
            case MAX_TOKENS -> "\n_(cut short: the answer reached the token limit)_\n";
            default -> "";
        };
        return heading("Assistant", message) + message.content() + "\n" + note;
    }

    @Override
    public String visitToolCall(ToolCall message) {
        return heading("Tool call `" + message.toolName() + "`", message) + fenced("json", message.arguments().toJson());
    }

    @Override
    public String visitToolResult(ToolResult message) {
        String label = "Tool result for `" + message.toolCallId() + "`" + (message.isError() ? " (error)" : "");
        return heading(label, message) + fenced("", message.content());
    }

    private static String heading(String label, Message message) {
        return "**" + label + "** · " + message.timestamp().truncatedTo(ChronoUnit.SECONDS) + "\n\n";
    }

    /** A code fence longer than any run of backticks inside, so tool output can never close it early. */
    private static String fenced(String language, String content) {
        int longest = 2;
        Matcher run = BACKTICK_RUN.matcher(content);
        while (run.find()) {
            longest = Math.max(longest, run.group().length());
        }
        String fence = "`".repeat(longest + 1);
        return fence + language + "\n" + content + (content.endsWith("\n") ? "" : "\n") + fence + "\n";
    }

    private static void line(StringBuilder out, String label, String value) {
        if (value != null) {
            out.append("- ").append(label).append(": ").append(value).append("\n");
        }
    }
}
