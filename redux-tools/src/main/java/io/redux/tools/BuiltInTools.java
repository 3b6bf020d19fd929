package io.redux.tools;

import io.redux.domain.tool.Tool;
import io.redux.domain.tool.ToolRegistry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The tools Redux offers the model out of the box, each working in one folder. */
public final class BuiltInTools {

    private BuiltInTools() {
    }

    /**
     * {@code file_read}, {@code file_write}, {@code execute_bash} and {@code use_aws}, working in
     * {@code workingDirectory}; {@code use_aws} with the environment's own AWS identity and no service settings.
     */
    public static List<Tool> in(Path workingDirectory) {
        return in(workingDirectory, AwsCliIdentity.INHERITED, UseAwsSettings.DEFAULTS, System.getenv());
    }

    /**
     * The built-in tools, {@code use_aws} calling AWS as {@code identity} within {@code awsSettings}, the AWS CLI
     * found on the {@code PATH} of {@code environment} and run with it.
     */
    public static List<Tool> in(Path workingDirectory, AwsCliIdentity identity, UseAwsSettings awsSettings,
                                Map<String, String> environment) {
        return List.of(new FileReadTool(workingDirectory), new FileWriteTool(workingDirectory),
                new ExecuteBashTool(workingDirectory), new UseAwsTool(workingDirectory, identity, awsSettings,
                        environment, UseAwsTool.DEFAULT_TIMEOUT, ExecuteBashTool.DEFAULT_MAX_OUTPUT_BYTES));
    }

    /** A registry of the built-in tools only, working in {@code workingDirectory}. */
    public static ToolRegistry registry(Path workingDirectory) {
        return new ToolRegistry(in(workingDirectory));
    }

    /** A registry of the built-in tools only, {@code use_aws} calling AWS as {@code identity}. */
    public static ToolRegistry registry(Path workingDirectory, AwsCliIdentity identity, UseAwsSettings awsSettings,
                                        Map<String, String> environment) {
        return new ToolRegistry(in(workingDirectory, identity, awsSettings, environment));
    }
}
