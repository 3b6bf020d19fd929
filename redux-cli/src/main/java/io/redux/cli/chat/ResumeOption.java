package io.redux.cli.chat;

import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Map;
import java.util.Stack;
import java.util.regex.Pattern;

/**
 * {@code --resume [UUID]} takes the next argument only when it is a conversation id, so
 * {@code chat --resume "a question"} resumes the latest conversation and asks the question.
 */
public final class ResumeOption implements IParameterPreprocessor {

    /** The value of a bare {@code --resume}: the latest conversation of the working directory. */
    public static final String LATEST = "";

    private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}");

    @Override
    public boolean preprocess(Stack<String> args, CommandSpec commandSpec, ArgSpec argSpec, Map<String, Object> info) {
        boolean attached = !String.valueOf(info.getOrDefault("separator", "")).isEmpty();
        if (attached || !args.isEmpty() && UUID_LIKE.matcher(args.peek()).matches()) {
            return false;
        }
        argSpec.setValue(LATEST);
        return true;
    }
}
