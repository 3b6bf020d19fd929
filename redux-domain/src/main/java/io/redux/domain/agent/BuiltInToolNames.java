package io.redux.domain.agent;

import io.redux.domain.tool.TrustPattern;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The original CLI's built-in tool names in Redux's terms, wherever an agent file names a tool. A name of a server's
 * tools ({@code @...}) and the wildcards {@code *} and {@code @builtin} stay as they are; a pattern with wildcards
 * matches the original names as well as Redux's ({@code fs_*} names {@code file_read} and {@code file_write}).
 */
public final class BuiltInToolNames {

    /** The original CLI's name to Redux's. */
    public static final Map<String, String> ORIGINAL_TO_REDUX = originalToRedux();

    /** Redux's built-in tools. */
    public static final Set<String> REDUX = Set.of("file_read", "file_write", "execute_bash", "use_aws");

    private BuiltInToolNames() {
    }

    private static Map<String, String> originalToRedux() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("fs_read", "file_read");
        names.put("fs_write", "file_write");
        names.put("execute_bash", "execute_bash");
        names.put("execute_cmd", "execute_bash"); // the original's name of the shell tool on Windows
        names.put("use_aws", "use_aws");
        return java.util.Collections.unmodifiableMap(names); // ordered: a glob's names come in a stable order
    }

    /**
     * The Redux patterns a name or pattern of an agent file stands for: empty when it names a built-in tool Redux
     * does not have (such as the original's {@code report_issue}).
     */
    public static List<String> map(String name) {
        if (name.startsWith("@") || name.equals("*")) {
            return List.of(name);
        }
        String mapped = ORIGINAL_TO_REDUX.get(name);
        if (mapped != null) {
            return List.of(mapped);
        }
        if (REDUX.contains(name)) {
            return List.of(name);
        }
        TrustPattern pattern = new TrustPattern(name);
        if (!pattern.isGlob()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        ORIGINAL_TO_REDUX.forEach((original, redux) -> {
            if (pattern.matches(original) && !names.contains(redux)) {
                names.add(redux);
            }
        });
        REDUX.stream().sorted().filter(pattern::matches).filter(redux -> !names.contains(redux)).forEach(names::add);
        return names.isEmpty() ? List.of() : List.of(names.toArray(String[]::new));
    }

    /** The one Redux name a built-in tool's exact name stands for, as a key in an agent file; empty if none. */
    public static Optional<String> mapExact(String name) {
        if (name.startsWith("@")) {
            return Optional.of(name);
        }
        return Optional.ofNullable(ORIGINAL_TO_REDUX.get(name)).or(() -> REDUX.contains(name)
                ? Optional.of(name) : Optional.empty());
    }
}
