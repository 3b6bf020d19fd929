package io.redux.cli.distribution;

import io.redux.cli.ReduxCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import static org.assertj.core.api.Assertions.assertThat;

class ManPageTest {

    @Command(name = "tool", description = "Does things.", subcommands = Sub.class,
            footer = {"", "Environment:", "  TOOL_HOME  where it keeps things", "", "Exit codes: 0 ok, 1 not ok."})
    static final class Root {
        @Option(names = {"-v", "--verbose"}, description = "Say more.")
        boolean verbose;
    }

    @Command(name = "sub", aliases = "s", description = ".hidden-looking first line")
    static final class Sub {
        @Parameters(paramLabel = "FILE", description = "The file to read.")
        String file;

        @Option(names = "--format", paramLabel = "FORMAT", description = "json or markdown (default: ${DEFAULT-VALUE}).",
                defaultValue = "json")
        String format;

        @Option(names = "--secret", hidden = true)
        boolean secret;
    }

    private final String page = ManPage.of(new CommandLine(new Root()), "1.2-3");

    @Test
    void startsWithATitleLineNamingTheVersion() {
        assertThat(page).startsWith(".TH \"TOOL\" \"1\" \"\" \"tool 1.2\\-3\" \"User Commands\"\n");
        assertThat(page).contains(".SH NAME\ntool \\- Does things.\n");
    }

    @Test
    void describesEverySubcommandOnceWithItsArgumentsAndOptions() {
        assertThat(page).containsOnlyOnce(".SS \"tool sub\"");
        assertThat(page).contains(".B tool sub\n[\\-\\-format FORMAT] FILE\n");
        assertThat(page).contains(".B FILE\nThe file to read.\n");
        assertThat(page).contains(".B \\-\\-format FORMAT\njson or markdown (default: json).\n");
    }

    @Test
    void leavesOutHiddenOptions() {
        assertThat(page).doesNotContain("secret");
    }

    @Test
    void turnsTheFooterIntoEnvironmentAndExitStatusSections() {
        assertThat(page).contains(".SH ENVIRONMENT\n.TP\n.B TOOL_HOME\nwhere it keeps things\n");
        assertThat(page).contains(".SH \"EXIT STATUS\"\n0 ok, 1 not ok.\n");
    }

    @Test
    void escapesTextThatRoffWouldReadAsARequest() {
        assertThat(page).contains("\\&.hidden\\-looking first line");
        assertThat(ManPage.escape("a\\b")).isEqualTo("a\\eb");
    }

    @Test
    void coversEveryCommandOfRedux() {
        String redux = ManPage.of(ReduxCommand.commandLine(), "x");

        for (String command : new String[] {"list", "show", "export", "delete", "migrate"}) {
            assertThat(redux).contains(".SS \"redux_cli conversations " + command + "\"");
        }
        assertThat(redux).contains("REDUX_CONVERSATIONS_DIR");
    }
}
