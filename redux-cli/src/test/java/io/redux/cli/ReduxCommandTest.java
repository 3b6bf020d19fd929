package io.redux.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** A run builds the model of the commands it invokes only; help and mistakes get every command, to list them. */
class ReduxCommandTest {

    @Test
    void aSubcommandOfAGroupGetsItsGroupAndItselfOnly() {
        CommandLine root = ReduxCommand.commandLineFor("conversations", "list", "--limit", "3");

        assertThat(root.getSubcommands()).containsOnlyKeys("conversations");
        assertThat(root.getSubcommands().get("conversations").getSubcommands()).containsOnlyKeys("list");
    }

    @Test
    void aGroupWithoutASubcommandOrWithATypoGetsAllOfItsSubcommands() {
        assertThat(ReduxCommand.commandLineFor("conversations", "--help").getSubcommands().get("conversations")
                .getSubcommands()).containsOnlyKeys("list", "show", "export", "delete", "migrate");
        assertThat(ReduxCommand.commandLineFor("conversations", "lsit").getSubcommands().get("conversations")
                .getSubcommands()).hasSize(5);
    }

    @Test
    void helpAndAnUnknownCommandGetEveryCommand() {
        CommandLine help = ReduxCommand.commandLineFor("--help");

        assertThat(help.getSubcommands()).containsOnlyKeys("chat", "conversations", "models", "whoami");
        assertThat(help.getSubcommands().get("models").getSubcommands()).containsOnlyKeys("describe");
        assertThat(ReduxCommand.commandLineFor("chta").getSubcommands()).hasSize(4);
    }

    @Test
    void theVersionNeedsNoCommand() {
        assertThat(ReduxCommand.commandLineFor("--debug", "--version").getSubcommands()).isEmpty();
    }

    @Test
    void theWholeTreeForCompletionAndTheManPage() {
        CommandLine all = ReduxCommand.commandLine();

        assertThat(all.getSubcommands().get("conversations").getSubcommands()).hasSize(5);
        assertThat(all.getSubcommands().get("chat").getSubcommands()).isEmpty();
    }
}
