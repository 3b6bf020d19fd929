package io.redux.domain.chat;

import io.redux.domain.port.ContextFile;
import io.redux.domain.port.ContextFiles;
import io.redux.domain.port.ContextSelection;
import io.redux.domain.port.ContextSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The context files of one run: which patterns are included (the defaults, or an agent's resources, then the user's
 * changes) and the source that reads them. The files are read again for every request to the model, so an edit made
 * during the session, by the user or a tool, is what the model sees next. Thread-safe: the user changes the selection
 * while a turn may read it.
 */
public final class SessionContext {

    /** What {@link #remove} did. */
    public record Removal(boolean patternRemoved, int filesLeftOut) {
    }

    private final ContextSource source;
    private final AtomicReference<ContextSelection> selection;
    /** What the agent's hooks gave: at its start, and for the prompt being answered. */
    private final AtomicReference<List<ContextFile>> startHookOutput = new AtomicReference<>(List.of());
    private final AtomicReference<List<ContextFile>> promptHookOutput = new AtomicReference<>(List.of());
    private volatile Function<String, List<ContextFile>> promptHooks = prompt -> List.of();

    public SessionContext(ContextSource source, ContextSelection initial) {
        this.source = source;
        this.selection = new AtomicReference<>(initial);
    }

    /** No context files. */
    public static SessionContext none() {
        return new SessionContext(ContextSource.NONE, new ContextSelection(List.of(), List.of()));
    }

    public ContextSelection selection() {
        return selection.get();
    }

    /** The files as the model gets them now. */
    public ContextFiles read() {
        return source.read(selection.get());
    }

    /**
     * Includes {@code pattern} from now on if it matches a file; a pattern that matches nothing is not added.
     *
     * @return the files it matches (none when nothing was added), with the warnings of those it skipped
     */
    public ContextFiles add(String pattern) {
        ContextFiles matched = source.read(new ContextSelection(List.of(pattern), List.of()));
        if (!matched.files().isEmpty()) {
            change(current -> new ContextSelection(with(current.include(), pattern), without(current.exclude(), pattern)));
        }
        return matched;
    }

    /**
     * Drops {@code pattern} when it is one of the included patterns; otherwise leaves out from now on the included
     * files it matches, if any.
     */
    public Removal remove(String pattern) {
        if (selection.get().include().contains(pattern)) {
            change(current -> new ContextSelection(without(current.include(), pattern), current.exclude()));
            return new Removal(true, 0);
        }
        Set<String> included = read().files().stream().map(ContextFile::path).collect(Collectors.toSet());
        long leftOut = source.read(new ContextSelection(List.of(pattern), List.of())).files().stream()
                .map(ContextFile::path).filter(included::contains).count();
        if (leftOut > 0) {
            change(current -> new ContextSelection(current.include(), with(current.exclude(), pattern)));
        }
        return new Removal(false, (int) leftOut);
    }

    /** Adds what hooks run at the start gave: it joins every request of the run. */
    public void addStartHookOutput(List<ContextFile> outputs) {
        startHookOutput.updateAndGet(current -> {
            List<ContextFile> all = new ArrayList<>(current);
            all.addAll(outputs);
            return List.copyOf(all);
        });
    }

    /** Runs {@code hooks} on each user prompt ({@link #beforePrompt}); what they give joins that prompt's requests. */
    public void onEachPrompt(Function<String, List<ContextFile>> hooks) {
        this.promptHooks = hooks;
    }

    /** Called as a user prompt is sent: the prompt hooks' output replaces the previous prompt's. */
    public void beforePrompt(String prompt) {
        promptHookOutput.set(List.copyOf(promptHooks.apply(prompt)));
    }

    /** The hooks' output the model gets now: the start hooks', then the current prompt's, each named by its hook. */
    public List<ContextFile> hookOutput() {
        List<ContextFile> all = new ArrayList<>(startHookOutput.get());
        all.addAll(promptHookOutput.get());
        return all;
    }

    private void change(UnaryOperator<ContextSelection> update) {
        selection.updateAndGet(update);
    }

    private static List<String> with(List<String> patterns, String pattern) {
        List<String> changed = new ArrayList<>(patterns);
        if (!changed.contains(pattern)) {
            changed.add(pattern);
        }
        return changed;
    }

    private static List<String> without(List<String> patterns, String pattern) {
        List<String> changed = new ArrayList<>(patterns);
        changed.remove(pattern);
        return changed;
    }
}
