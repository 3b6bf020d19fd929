package io.redux.storage.json;

import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationSummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The summaries a listing read, keyed by a version of each document that a store can tell without reading it (an
 * object's ETag, size and time), so the next listing reads only the documents that changed: the local store's summary
 * index, for a store whose documents live elsewhere. Only a cache: a missing or damaged file is rebuilt, one that
 * cannot be written is done without. Safe for concurrent use by one listing's threads.
 */
public final class SummaryCache {

    private final Path file;
    private final SummaryIndex loaded;
    private final Map<ConversationId, SummaryIndex.Entry> current = new ConcurrentHashMap<>();

    private SummaryCache(Path file, SummaryIndex loaded) {
        this.file = file;
        this.loaded = loaded;
    }

    /** The cache kept in {@code file}; empty when it is missing or cannot be used. */
    public static SummaryCache open(Path file) {
        return new SummaryCache(file, SummaryIndex.load(file));
    }

    /** The summary of {@code id} read when its document had this version, if there is one. */
    public Optional<ConversationSummary> summaryOf(ConversationId id, String version, long size, long modifiedMillis) {
        FileStamp stamp = new FileStamp(version, size, modifiedMillis);
        Optional<ConversationSummary> known = loaded.summaryOf(id, stamp);
        known.ifPresent(summary -> current.put(id, new SummaryIndex.Entry(stamp, summary)));
        return known;
    }

    /** Remembers what the document of this version says, for the next listing. */
    public void put(String version, long size, long modifiedMillis, ConversationSummary summary) {
        current.put(summary.id(), new SummaryIndex.Entry(new FileStamp(version, size, modifiedMillis), summary));
    }

    /**
     * Replaces the file with what this listing saw (asked for or put), when that differs from what it held. The
     * folder is made (owner only) when missing; any failure leaves the cache as it was, for the next listing to read
     * every document again.
     */
    public void save() {
        if (!loaded.differsFrom(current)) {
            return;
        }
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            SummaryIndex.save(file, current,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException | UnsupportedOperationException e) {
            // Only a cache.
        }
    }
}
