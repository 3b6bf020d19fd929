package io.redux.tools;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@code file_read} found at a path, opened once: a file to read, or a directory's entries. */
sealed interface Opened permits Opened.File, Opened.Directory {

    /** A file open for reading; the reader closes it. */
    record File(SeekableByteChannel channel) implements Opened {
    }

    /**
     * A directory's entries, sorted, folders ending in {@code /}; {@code cut} when there were more than were kept.
     */
    record Directory(List<String> entries, boolean cut) implements Opened {

        public Directory {
            entries = List.copyOf(entries);
        }

        /** Whether the entry of that name is a folder (a link to one counts, as {@code ls -F} shows it). */
        @FunctionalInterface
        interface Kinds {
            boolean isDirectory(Path name) throws IOException;
        }

        /** The first {@code limit} entries of {@code stream}, in order. */
        static Directory list(DirectoryStream<Path> stream, Kinds kinds, int limit) throws IOException {
            List<Path> names = new ArrayList<>();
            for (Path entry : stream) {
                names.add(entry.getFileName());
            }
            names.sort(null);
            List<String> shown = new ArrayList<>();
            for (Path name : names.subList(0, Math.min(limit, names.size()))) {
                shown.add(name + (kinds.isDirectory(name) ? "/" : ""));
            }
            return new Directory(shown, names.size() > limit);
        }
    }
}
