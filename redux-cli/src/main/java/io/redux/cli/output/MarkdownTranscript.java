package io.redux.cli.output;

import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.Message;
import io.redux.domain.model.ToolCall;
import io.redux.domain.model.ToolResult;
import io.redux.domain.model.UserMessage;
import io.redux.domain.port.ConversationReader;
import io.redux.domain.port.ConversationRepository;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A conversation as a readable Markdown transcript, tool calls and results included: what a person reads, on the
 * terminal ({@code conversations show}) or later from a file ({@code export --format markdown}, {@code /export}), so
 * control characters from the conversation are shown, not kept ({@link TerminalText}); the JSON export keeps the
 * exact text.
 */
public final class MarkdownTranscript implements Message.Visitor<String> {

    private static final Pattern BACKTICK_RUN = Pattern.compile("`+");

    private MarkdownTranscript() {
    }

    public static String render(Conversation conversation) {
        StringWriter out = new StringWriter();
        ConversationReader writer = writingTo(out);
        writer.begin(conversation, conversation.title());
        conversation.messages().forEach(writer::message);
        return out.toString();
    }

    /**
     * Writes the transcript of a conversation read message by message ({@link ConversationRepository#read}), so
     * only one message is held at a time.
     *
     * @throws UncheckedIOException from the reader's calls when {@code out} fails
     */
    public static ConversationReader writingTo(Writer out) {
        MarkdownTranscript renderer = new MarkdownTranscript();
        return new ConversationReader() {
            @Override
            public void begin(Conversation outline, String title) {
                write(out, header(outline, title));
            }

            @Override
            public void message(Message message) {
                write(out, "\n---\n\n" + message.accept(renderer));
            }
        };
    }

    private static String header(Conversation conversation, String title) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(title.isEmpty() ? "Conversation " + conversation.id() : title).append("\n\n");
        out.append("- Conversation: `").append(conversation.id()).append("`\n");
        out.append("- Model: `").append(conversation.modelId()).append("` (").append(conversation.region()).append(")\n");
        out.append("- Created: ").append(conversation.createdAt()).append("\n");
        out.append("- Updated: ").append(conversation.updatedAt()).append("\n");
        ConversationMetadata metadata = conversation.metadata();
        line(out, "AWS profile", metadata.awsProfile());
        line(out, "AWS account", metadata.awsAccountId());
        line(out, "Identity", metadata.userArn());
        line(out, "Working directory", metadata.workingDirectory());
        return out.toString();
    }

    /** Every piece written is a header or a whole message, so escaping piece by piece escapes the whole. */
    private static void write(Writer out, String text) {
        try {
            out.write(TerminalText.escape(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
