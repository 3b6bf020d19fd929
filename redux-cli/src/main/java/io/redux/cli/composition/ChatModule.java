package io.redux.cli.composition;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.redux.cli.CliEnvironment;
import io.redux.cli.agent.AgentAccess;
import io.redux.cli.agent.ChosenAgent;
import io.redux.cli.aws.AwsAccess;
import io.redux.cli.chat.Terminals;
import io.redux.cli.mcp.McpAccess;
import io.redux.domain.port.ContextSource;
import io.redux.domain.tool.ToolRegistry;
import io.redux.tools.BuiltInTools;
import io.redux.tools.UseAwsSettings;
import io.redux.tools.WorkingFolderContext;
import jakarta.inject.Provider;
import org.jline.terminal.TerminalBuilder;

import java.util.Set;

/**
 * The chat use case's parts: the built-in tools working in the current folder ({@code use_aws} as the run's own AWS
 * identity), the MCP servers' tools, the context files of that folder, and the user's terminal.
 */
final class ChatModule extends AbstractModule {

    /** MCP servers' tools join the chat's registry through it; it loads nothing of MCP until a configuration exists. */
    @Override
    protected void configure() {
        bind(McpAccess.class).to(AdapterMcpAccess.class);
        bind(AgentAccess.class).to(AdapterAgentAccess.class);
        bind(ChosenAgent.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    ToolRegistry tools(CliEnvironment environment, Provider<AwsAccess> aws, ChosenAgent agent) {
        // use_aws asks for the run's identity at each call, once the command has chosen its profile; its settings are
        // the chosen agent's toolsSettings.use_aws, its allowedServices only when the agent may grant trust.
        UseAwsSettings useAws = new UseAwsSettings(Set.copyOf(agent.useAwsAllowedServices()),
                Set.copyOf(agent.useAwsDeniedServices()));
        return BuiltInTools.registry(environment.workingDirectory(), () -> aws.get().awsCliVariables(),
                useAws, environment.variables());
    }

    @Provides
    ContextSource contextFiles(CliEnvironment environment) {
        return new WorkingFolderContext(environment.workingDirectory());
    }

    /**
     * The first JDK that warns on stderr when a library loads native code without {@code --enable-native-access}
     * (JEP 472), as JLine's default terminal providers do. The launcher gives that flag to {@code conversations migrate}
     * only: on these JDKs it turns off the archived module graph, which every start would pay for.
     */
    static final int WARNS_ON_NATIVE_ACCESS = 24;

    @Provides
    Terminals terminals() {
        int jdk = Runtime.version().feature();
        boolean nativeAccess = nativeAccessEnabled();
        return () -> {
            try {
                return terminalBuilder(jdk, nativeAccess).build();
            } catch (IllegalStateException e) {
                // JLine's native library would not load (a temporary folder mounted noexec, an unknown platform).
                return systemTerminal().provider("exec").build();
            }
        };
    }

    /**
     * JLine's JNI terminal where native code may load without a warning: JLine would otherwise load and try every
     * provider it has, and its FFM one alone takes a third of the time to the prompt to set up its native calls.
     * Where the JDK would warn (24+ without {@code --enable-native-access}, which the bundled runtime's launcher
     * gives), the exec provider: it drives the terminal with {@code stty}, no native code, but a process per
     * question (19 before the prompt). The JNI terminal is never replaced by a dumb one in silence: where it cannot
     * start, the build fails and {@link #terminals()} takes the exec one.
     */
    static TerminalBuilder terminalBuilder(int jdkFeatureVersion, boolean nativeAccessEnabled) {
        return jdkFeatureVersion >= WARNS_ON_NATIVE_ACCESS && !nativeAccessEnabled ? systemTerminal().provider("exec")
                : systemTerminal().provider("jni").dumb(false);
    }

    private static TerminalBuilder systemTerminal() {
        return TerminalBuilder.builder().system(true).name("redux_cli");
    }

    /** {@code Module.isNativeAccessEnabled()} of JLine's module, on JDKs that have it (22+); false elsewhere. */
    static boolean nativeAccessEnabled() {
        try {
            return (Boolean) Module.class.getMethod("isNativeAccessEnabled").invoke(TerminalBuilder.class.getModule());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
