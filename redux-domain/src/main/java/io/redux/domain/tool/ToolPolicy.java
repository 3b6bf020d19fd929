package io.redux.domain.tool;

import io.redux.domain.json.JsonValue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which tool calls run without asking the user. A tool is trusted when all tools are trusted, when it was named among
 * the trusted ones, or when the user trusted it for the session; otherwise its own
 * {@link Tool#defaultTrust} holds (such as {@code file_read} of a path inside the working directory). That default is
 * not decided here on the path, which could lead elsewhere by the time it is opened: it is a folder
 * ({@link #trustedFolder}) the tool must stay inside as it runs ({@link Tool#runInside}). The folder is the working
 * directory made absolute and normal, not resolved: the tool resolves its real path, for only tools touch the file
 * system. A tool the user untrusts during the session is asked about again, whatever else says.
 * Thread-safe: the session changes it while it is read.
 */
public final class ToolPolicy {

    private final Path workingDirectory;
    private final boolean trustAll;
    private final Set<String> trusted = ConcurrentHashMap.newKeySet();
    private final Set<String> untrusted = ConcurrentHashMap.newKeySet();

    public ToolPolicy(Path workingDirectory, boolean trustAll, Collection<String> trustedTools) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.trustAll = trustAll;
        this.trusted.addAll(trustedTools);
    }

    /** Only the defaults: what each tool declares ({@link Tool#defaultTrust}). */
    public static ToolPolicy defaults(Path workingDirectory) {
        return new ToolPolicy(workingDirectory, false, Set.of());
    }

    /** The names in a comma-separated list such as {@code a,b}, blanks ignored. */
    public static Set<String> parseToolList(String commaSeparated) {
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(names::add);
        return names;
    }

    /** Whether every call of tool {@code name} runs without asking; the tool's {@link Tool#defaultTrust} aside. */
    public boolean trusts(String name) {
        return !untrusted.contains(name) && (trustAll || trusted.contains(name));
    }

    /**
     * Whether every call of {@code tool} runs without asking, the tool's {@link Tool#defaultTrust} aside: as
     * {@link #trusts(String)}, matching each trusted or untrusted pattern against every name the tool answers to
     * ({@link Tool#trustNames}: {@code @server/tool} and {@code @server} for a server's tool).
     */
    public boolean trusts(Tool tool) {
        if (untrusts(tool)) {
            return false;
        }
        return trustAll || trusted.stream().map(TrustPattern::new).anyMatch(pattern -> pattern.matches(tool));
    }

    /**
     * The folder inside which {@code tool} runs without asking when it is not trusted outright: the working
     * directory for a tool {@link DefaultTrust#TRUSTED_INSIDE_WORKING_FOLDER}, unless the user untrusted it; empty
     * for every other tool.
     */
    public Optional<Path> trustedFolder(Tool tool) {
        return tool.defaultTrust() == DefaultTrust.TRUSTED_INSIDE_WORKING_FOLDER
                && !untrusts(tool)
                ? Optional.of(workingDirectory) : Optional.empty();
    }

    /**
     * Whether this call of {@code tool} runs without asking by the tool's own judgement of its arguments: only for a
     * tool {@link DefaultTrust#JUDGED_BY_ITS_ARGUMENTS} the user did not untrust.
     */
    public boolean trustsCall(Tool tool, JsonValue arguments) {
        if (tool.defaultTrust() != DefaultTrust.JUDGED_BY_ITS_ARGUMENTS || untrusts(tool)
                || !(arguments instanceof JsonValue.JsonObject object)) {
            return false;
        }
        try {
            return tool.runsWithoutAsking(object);
        } catch (RuntimeException e) {
            return false; // a tool that cannot judge its arguments has them asked about
        }
    }

    private boolean untrusts(Tool tool) {
        return untrusted.stream().map(TrustPattern::new).anyMatch(pattern -> pattern.matches(tool));
    }

    /** Trusts {@code toolName} for the rest of the session (the user's {@code t} answer, {@code /tools trust}). */
    public void trust(String toolName) {
        untrusted.remove(toolName);
        trusted.add(toolName);
    }

    /** Asks about {@code toolName} again from now on, whatever the options said. */
    public void untrust(String toolName) {
        trusted.remove(toolName);
        untrusted.add(toolName);
    }

    public boolean trustsAll() {
        return trustAll && untrusted.isEmpty();
    }

    /** The tools trusted by name, without the tools' own defaults. */
    public Set<String> trustedTools() {
        return Set.copyOf(trusted);
    }
}
