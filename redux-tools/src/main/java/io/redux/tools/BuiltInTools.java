package io.redux.tools;

import io.redux.domain.tool.Tool;
import io.redux.domain.tool.ToolRegistry;

import java.nio.file.Path;
import java.util.List;

/** The tools Redux offers the model out of the box, each working in one folder. */
public final class BuiltInTools {

    private BuiltInTools() {
    }

    /** {@code file_read}, {@code file_write} and {@code execute_bash}, working in {@code workingDirectory}. */
    public static List<Tool> in(Path workingDirectory) {
        return List.of(new FileReadTool(workingDirectory), new FileWriteTool(workingDirectory),
                new ExecuteBashTool(workingDirectory));
    }

    /** A registry of the built-in tools only, working in {@code workingDirectory}. */
    public static ToolRegistry registry(Path workingDirectory) {
        return new ToolRegistry(in(workingDirectory));
    }
}
