package io.redux.cli.chat;

import jakarta.inject.Inject;
import io.redux.cli.output.TerminalText;
import io.redux.domain.chat.ChatListener;
import io.redux.domain.model.AssistantMessage;
import io.redux.domain.model.Message;
import io.redux.domain.model.StopReason;
import io.redux.domain.model.ToolCall;
import io.redux.domain.model.ToolResult;

import java.io.PrintWriter;

/**
 * Shows a turn in the terminal as it happens: a spinner until the first token, the answer streamed as it arrives,
 * and a line for each tool call and result.
 */
final class AnswerRenderer implements ChatListener {

    /** How much of a tool call's arguments its line shows; {@link TerminalToolApprover} shows longer ones whole. */
    static final int SHOWN_ARGUMENTS = 160;

    private final PrintWriter out;
    private final Style style;
    private final MarkdownStream answer;
    private final Spinner spinner;

    @Inject
    AnswerRenderer(ChatTerminal terminal) {
        this(terminal.writer(), terminal.style(), terminal.capable());
    }

    /**
     * @param animate whether a spinner may be drawn (a terminal that understands carriage returns and ANSI erases)
     */
    AnswerRenderer(PrintWriter out, Style style, boolean animate) {
        this.out = out;
        this.style = style;
        this.answer = new MarkdownStream(out, style.enabled());
        this.spinner = animate ? new Spinner(out, style.unicode()) : null;
    }

    @Override
    public void onModelCall() {
        if (spinner != null) {
            spinner.start("Thinking...");
        }
    }

    @Override
    public void onTextDelta(String text) {
        stopSpinner();
        answer.write(text);
    }

    @Override
    public void onMessageSaved(Message message) {
        if (message instanceof AssistantMessage assistant) {
            stopSpinner();
            answer.finish();
            if (assistant.stopReason() == StopReason.INTERRUPTED) {
                out.println(style.dim("[answer interrupted; the part above is kept]"));
            } else if (assistant.stopReason() == StopReason.MAX_TOKENS) {
                out.println(style.dim("[the answer reached its token limit]"));
            }
        } else if (message instanceof ToolCall call) {
            stopSpinner();
            String arguments = call.arguments().toJson();
            if (arguments.length() > SHOWN_ARGUMENTS) {
                arguments = arguments.substring(0, SHOWN_ARGUMENTS - 3) + "...";
            }
            out.println(style.bold(style.toolMark() + " " + TerminalText.escape(call.toolName())) + " "
                    + style.dim(TerminalText.escape(arguments)));
        } else if (message instanceof ToolResult result) {
            String firstLine = TerminalText.escape(result.content().lines().findFirst().orElse(""));
            out.println(result.isError()
                    ? style.error("  " + style.errorMark() + " " + firstLine)
                    : style.dim("  " + style.okMark() + " " + result.content().length() + " characters returned"));
        }
        out.flush();
    }

    /** Ends the turn's output: no spinner left behind, the last line ended. */
    void endTurn() {
        stopSpinner();
        answer.finish();
    }

    private void stopSpinner() {
        if (spinner != null) {
            spinner.stop();
        }
    }
}
