package io.redux.domain.chat;

import io.redux.domain.port.ContextFile;

import java.util.List;

/**
 * The context files as the system prompt carries them: an introduction, then each file after a line naming its path,
 * and, when the cap cut it, a line saying how much was left out.
 */
final class ContextPrompt {

    static final String INTRODUCTION = "The user keeps these files in the working directory as context for you "
            + "(instructions, rules, project notes): follow them where they apply. Each begins with a line naming its "
            + "path.";

    static final String HOOKS_INTRODUCTION = "The user's agent ran these commands (hooks) to gather context for you: "
            + "use their output in your answers. Each begins with a line naming its hook.";

    private ContextPrompt() {
    }

    /** The hooks' output, each after a line naming the hook (its {@link ContextFile#path}). */
    static String renderHooks(List<ContextFile> outputs) {
        if (outputs.isEmpty()) {
            return "";
        }
        StringBuilder prompt = new StringBuilder("\n\n").append(HOOKS_INTRODUCTION).append('\n');
        for (ContextFile output : outputs) {
            prompt.append("\n--- hook output: ").append(output.path()).append(" ---\n").append(output.text());
            if (!output.text().endsWith("\n")) {
                prompt.append('\n');
            }
        }
        return prompt.append("--- end of hook output ---").toString();
    }

    static String render(List<ContextFile> files) {
        if (files.isEmpty()) {
            return "";
        }
        StringBuilder prompt = new StringBuilder("\n\n").append(INTRODUCTION).append('\n');
        for (ContextFile file : files) {
            prompt.append("\n--- context file: ").append(file.path()).append(" ---\n").append(file.text());
            if (!file.text().endsWith("\n")) {
                prompt.append('\n');
            }
            if (file.truncated()) {
                prompt.append("[truncated: the last ").append(file.omittedBytes()).append(" of ").append(file.size())
                        .append(" bytes of ").append(file.path()).append(" were left out by the size cap]\n");
            }
        }
        return prompt.append("--- end of context files ---").toString();
    }
}
