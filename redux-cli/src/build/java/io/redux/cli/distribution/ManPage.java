package io.redux.cli.distribution;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the manual page of a picocli command tree in roff ({@code man(7)} macros), the format {@code man} reads
 * without any extra toolchain. Every command and option comes from the picocli model, so the page cannot drift from
 * the code.
 */
public final class ManPage {

    private ManPage() {
    }

    /** The page for the root command and, in its COMMANDS section, every subcommand below it. */
    public static String of(CommandLine root, String version) {
        CommandSpec spec = root.getCommandSpec();
        StringBuilder page = new StringBuilder();
        page.append(".TH \"").append(escape(spec.name().toUpperCase())).append("\" \"1\" \"\" \"")
                .append(escape(spec.name() + " " + version)).append("\" \"User Commands\"\n");
        page.append(".SH NAME\n").append(escape(spec.name())).append(" \\- ")
                .append(escape(firstLine(spec.usageMessage().description()))).append('\n');
        page.append(".SH SYNOPSIS\n");
        appendSynopsis(page, spec);
        page.append(".SH DESCRIPTION\n");
        appendParagraphs(page, spec.usageMessage().description());
        page.append(".SH OPTIONS\n");
        appendArguments(page, spec);
        page.append(".SH COMMANDS\n");
        for (CommandLine sub : subcommands(root)) {
            appendCommand(page, sub.getCommandSpec());
        }
        appendFooter(page, spec.usageMessage().footer());
        return page.toString();
    }

    private static List<CommandLine> subcommands(CommandLine command) {
        List<CommandLine> all = new ArrayList<>();
        for (CommandLine sub : distinct(command)) {
            all.add(sub);
            all.addAll(subcommands(sub));
        }
        return all;
    }

    /** Subcommands once each (picocli lists a command again under each of its aliases). */
    private static List<CommandLine> distinct(CommandLine command) {
        return command.getSubcommands().values().stream().distinct().collect(Collectors.toList());
    }

    private static void appendCommand(StringBuilder page, CommandSpec spec) {
        page.append(".SS \"").append(escape(spec.qualifiedName())).append("\"\n");
        appendSynopsis(page, spec);
        page.append(".PP\n");
        appendParagraphs(page, spec.usageMessage().description());
        appendArguments(page, spec);
    }

    private static void appendSynopsis(StringBuilder page, CommandSpec spec) {
        page.append(".B ").append(escape(spec.qualifiedName())).append('\n');
        StringBuilder rest = new StringBuilder();
        for (OptionSpec option : visibleOptions(spec)) {
            rest.append(option.required() ? "" : "[").append(option.longestName());
            if (option.arity().max() > 0) {
                rest.append(' ').append(option.paramLabel());
            }
            rest.append(option.required() ? "" : "]").append(' ');
        }
        for (PositionalParamSpec parameter : spec.positionalParameters()) {
            if (!parameter.hidden()) {
                rest.append(parameter.paramLabel()).append(' ');
            }
        }
        if (!spec.subcommands().isEmpty()) {
            rest.append("COMMAND");
        }
        if (!rest.isEmpty()) {
            page.append(escape(rest.toString().strip())).append('\n');
        }
    }

    private static void appendArguments(StringBuilder page, CommandSpec spec) {
        for (PositionalParamSpec parameter : spec.positionalParameters()) {
            if (!parameter.hidden()) {
                appendItem(page, parameter.paramLabel(), parameter);
            }
        }
        for (OptionSpec option : visibleOptions(spec)) {
            String names = String.join(", ", option.names());
            appendItem(page, option.arity().max() > 0 ? names + " " + option.paramLabel() : names, option);
        }
    }

    private static void appendItem(StringBuilder page, String term, ArgSpec argument) {
        page.append(".TP\n.B ").append(escape(term)).append('\n');
        String description = String.join(" ", argument.description());
        page.append(escape(description.replace("${DEFAULT-VALUE}", String.valueOf(argument.defaultValue()))
                .replace("${COMPLETION-CANDIDATES}", candidates(argument)))).append('\n');
    }

    private static String candidates(ArgSpec argument) {
        List<String> values = new ArrayList<>();
        if (argument.completionCandidates() != null) {
            argument.completionCandidates().forEach(values::add);
        }
        return String.join(", ", values);
    }

    /** Options a user can see; the inherited {@code --debug} appears once, on the root. */
    private static List<OptionSpec> visibleOptions(CommandSpec spec) {
        return spec.options().stream()
                .filter(option -> !option.hidden())
                .filter(option -> !option.inherited())
                .collect(Collectors.toList());
    }

    private static void appendParagraphs(StringBuilder page, String[] lines) {
        for (String line : lines) {
            page.append(escape(line)).append("\n.PP\n");
        }
    }

    /** The footer holds "Environment:" and "Exit codes:" blocks; they become sections of their own. */
    private static void appendFooter(StringBuilder page, String[] footer) {
        for (String line : footer) {
            if (line.isBlank()) {
                continue;
            }
            if (line.equals("Environment:")) {
                page.append(".SH ENVIRONMENT\n");
            } else if (line.startsWith("Exit codes:")) {
                page.append(".SH \"EXIT STATUS\"\n").append(escape(line.substring("Exit codes:".length()).strip()))
                        .append('\n');
            } else if (line.startsWith("  ")) {
                String entry = line.strip();
                int gap = entry.indexOf("  ");
                if (gap > 0) {
                    page.append(".TP\n.B ").append(escape(entry.substring(0, gap))).append('\n')
                            .append(escape(entry.substring(gap).strip())).append('\n');
                } else {
                    page.append(escape(entry)).append('\n');
                }
            } else {
                page.append(".PP\n").append(escape(line)).append('\n');
            }
        }
    }

    private static String firstLine(String[] lines) {
        return lines.length == 0 ? "" : lines[0];
    }

    /** Roff escapes: backslashes and hyphens, and a leading dot or quote that would read as a request. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        if (escaped.startsWith(".") || escaped.startsWith("'")) {
            escaped = "\\&" + escaped;
        }
        return escaped;
    }
}
