package io.redux.cli.composition;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.redux.cli.CliEnvironment;
import io.redux.cli.chat.Terminals;
import io.redux.domain.tool.ToolRegistry;
import io.redux.tools.BuiltInTools;
import org.jline.terminal.TerminalBuilder;

/** The chat use case's parts: the built-in tools working in the current folder, and the user's terminal. */
final class ChatModule extends AbstractModule {

    @Provides
    @Singleton
    ToolRegistry tools(CliEnvironment environment) {
        return BuiltInTools.registry(environment.workingDirectory());
    }

    @Provides
    Terminals terminals() {
        return () -> TerminalBuilder.builder().system(true).name("redux_cli").build();
    }
}
