package io.redux.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** A run builds the model of the commands it invokes only; help and mistakes get every command, to list them. */
class ReduxCommandTest {

    @Test
    void aSubcommandOfAGroupGetsItsGroupAndItselfOnly() {
        CommandLine root = commandLineFor("conversations", "list", "--limit", "3");

        assertThat(root.getSubcommands()).containsOnlyKeys("conversations");
        assertThat(root.getSubcommands().get("conversations").getSubcommands()).containsOnlyKeys("list");
    }

    @Test
    void aGroupWithoutASubcommandOrWithATypoGetsAllOfItsSubcommands() {
        assertThat(commandLineFor("conversations", "--help").getSubcommands().get("conversations")
                .getSubcommands()).containsOnlyKeys("list", "show", "export", "delete", "migrate", "import");
        assertThat(commandLineFor("conversations", "lsit").getSubcommands().get("conversations")
                .getSubcommands()).hasSize(6);
    }

    @Test
    void helpAndAnUnknownCommandGetEveryCommandButNotTheirSubcommands() {
        CommandLine help = commandLineFor("--help");

        assertThat(help.getSubcommands()).containsOnlyKeys("chat", "conversations", "models", "mcp", "agent", "whoami");
        assertThat(help.getSubcommands().get("conversations").getSubcommands()).isEmpty();
        assertThat(commandLineFor("chta").getSubcommands()).hasSize(6);
    }

    @Test
    void theHelpSaysWhatTheWholeTreesHelpSays() {
        assertThat(commandLineFor("--help").getUsageMessage(CommandLine.Help.Ansi.OFF))
                .isEqualTo(ReduxCommand.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF));
    }

    @Test
    void theHelpGivesTheDefaultOfBothTimeoutsAsTheReadmeDoes() {
        String help = ReduxCommand.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertThat(help).contains("answer that stalls, fails (90; at most 3600)", "(60; at most 3600)");
    }

    @Test
    void theCommandThatRunsIsTheFirstWordThatIsNotAnOption() {
        assertThat(ReduxCommand.runs("--debug", "chat", "--model-id", "custom:x", "hello")).isEqualTo("chat");
        assertThat(ReduxCommand.runs("conversations", "list")).isEqualTo("conversations");
    }

    @Test
    void noCommandRunsForHelpTheVersionOrAnUnknownName() {
        assertThat(ReduxCommand.runs("--help")).isNull();
        assertThat(ReduxCommand.runs()).isNull();
        assertThat(ReduxCommand.runs("conversations", "list", "--help")).isNull();
        assertThat(ReduxCommand.runs("chat", "-h")).isNull();
        assertThat(ReduxCommand.runs("whoami", "-V")).isNull();
        assertThat(ReduxCommand.runs("chta")).isNull();
    }

    @Test
    void theVersionNeedsNoCommand() {
        assertThat(commandLineFor("--debug", "--version").getSubcommands()).isEmpty();
    }

    @Test
    void theWholeTreeForCompletionAndTheManPage() {
        CommandLine all = ReduxCommand.commandLine();

        assertThat(all.getSubcommands().get("conversations").getSubcommands()).hasSize(6);
        assertThat(all.getSubcommands().get("chat").getSubcommands()).isEmpty();
    }

    private static CommandLine commandLineFor(String... args) {
        return ReduxCommand.commandLineFor(CommandLine.defaultFactory(), args);
    }
}
