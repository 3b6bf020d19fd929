package io.redux.storage.json;

import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationSummary;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * What the last listing read from each conversation file, keyed by the file's {@link FileStamp}, so the next listing
 * reads only the files that changed since: a cache, in the conversations folder next to the files it describes.
 *
 * <p>It is never the truth: an entry counts only while its file's stamp is unchanged, and an index that is missing,
 * unreadable or of another version is simply rebuilt. It is replaced atomically, so concurrent listings each see a
 * whole one, and it is not forced to disk: after a crash the next listing rebuilds it.
 */
final class SummaryIndex {

    /** "RDXI" and the version of the layout below; another value makes the index start afresh. */
    private static final int MAGIC = 0x52445849;
    private static final int VERSION = 1;
    /** Longer strings are not indexed (writeUTF stops at 64 KB), their files are read each time instead. */
    private static final int LONGEST_STRING = 16 * 1024;

    /** One file's summary, as read when the file had {@code stamp}. */
    record Entry(FileStamp stamp, ConversationSummary summary) {
    }

    private static final SummaryIndex EMPTY = new SummaryIndex(Map.of());

    private final Map<ConversationId, Entry> entries;

    private SummaryIndex(Map<ConversationId, Entry> entries) {
        this.entries = entries;
    }

    static SummaryIndex empty() {
        return EMPTY;
    }

    /** The index in {@code file}, or an empty one when it is missing or cannot be used. */
    static SummaryIndex load(Path file) {
        byte[] content;
        try {
            content = RegularFileReader.readAllBytes(file);
        } catch (IOException e) {
            // Missing (the first listing), unreadable or no regular file: either way the files themselves are read,
            // and the next save renames a new index over whatever is there.
            return EMPTY;
        }
        if (content.length < Long.BYTES || checksum(content, content.length - Long.BYTES)
                != ByteBuffer.wrap(content, content.length - Long.BYTES, Long.BYTES).getLong()) {
            return EMPTY;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content, 0, content.length - Long.BYTES))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                return EMPTY;
            }
            int count = in.readInt();
            Map<ConversationId, Entry> entries = new HashMap<>(Math.max(16, count * 4 / 3 + 1));
            for (int i = 0; i < count; i++) {
                Entry entry = readEntry(in);
                entries.put(entry.summary().id(), entry);
            }
            return new SummaryIndex(entries);
        } catch (IOException | RuntimeException e) {
            // Truncated, garbled or written by a buggy version: it is only a cache.
            return EMPTY;
        }
    }

    /** How many files it describes. */
    int size() {
        return entries.size();
    }

    /** The summary of {@code id} if it was read from the file as it is now, with stamp {@code now}. */
    Optional<ConversationSummary> summaryOf(ConversationId id, FileStamp now) {
        Entry entry = entries.get(id);
        return entry != null && entry.stamp().equals(now) ? Optional.of(entry.summary()) : Optional.empty();
    }

    /**
     * Whether {@code current} says anything this index does not: a new, changed or removed file. Entries that
     * {@link #save} leaves out are left out here too, or one of them would make every listing rewrite the index.
     */
    boolean differsFrom(Map<ConversationId, Entry> current) {
        int indexable = 0;
        for (Map.Entry<ConversationId, Entry> entry : current.entrySet()) {
            if (indexable(entry.getValue())) {
                if (!entry.getValue().equals(entries.get(entry.getKey()))) {
                    return true;
                }
                indexable++;
            }
        }
        return indexable != entries.size();
    }

    /**
     * Replaces the index in {@code file} with {@code current}, through a temporary file in the same folder.
     *
     * @throws IOException when the folder cannot be written; the caller goes on without an index
     */
    static void save(Path file, Map<ConversationId, Entry> current, FileAttribute<?>... attributes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * (current.size() + 1));
        CheckedOutputStream checked = new CheckedOutputStream(bytes, new CRC32C());
        try (DataOutputStream out = new DataOutputStream(checked)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            List<Entry> indexable = current.values().stream().filter(SummaryIndex::indexable).toList();
            out.writeInt(indexable.size());
            for (Entry entry : indexable) {
                writeEntry(out, entry);
            }
            // A damaged index must never plant a wrong summary under a file's true stamp.
            out.writeLong(checked.getChecksum().getValue());
        }
        // Listings hold no lock, so each needs a temporary file of its own.
        Path temp = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        AtomicFileWriter.writeCache(file, temp, bytes.toByteArray(), attributes);
    }

    private static long checksum(byte[] content, int length) {
        CRC32C crc = new CRC32C();
        crc.update(content, 0, length);
        return crc.getValue();
    }

    private static boolean indexable(Entry entry) {
        ConversationSummary summary = entry.summary();
        return fits(entry.stamp().fileKey()) && fits(summary.modelId()) && fits(summary.title())
                && fits(summary.workingDirectory());
    }

    private static boolean fits(String text) {
        return text == null || text.length() <= LONGEST_STRING;
    }

    private static void writeEntry(DataOutputStream out, Entry entry) throws IOException {
        FileStamp stamp = entry.stamp();
        out.writeUTF(stamp.fileKey());
        out.writeLong(stamp.size());
        out.writeLong(stamp.modifiedNanos());
        ConversationSummary summary = entry.summary();
        UUID id = summary.id().value();
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
        writeInstant(out, summary.createdAt());
        writeInstant(out, summary.updatedAt());
        writeOptional(out, summary.modelId());
        out.writeInt(summary.messageCount());
        writeOptional(out, summary.title());
        writeOptional(out, summary.workingDirectory());
    }

    private static Entry readEntry(DataInputStream in) throws IOException {
        FileStamp stamp = new FileStamp(in.readUTF(), in.readLong(), in.readLong());
        ConversationId id = new ConversationId(new UUID(in.readLong(), in.readLong()));
        Instant created = readInstant(in);
        Instant updated = readInstant(in);
        String modelId = readOptional(in);
        int messageCount = in.readInt();
        String title = readOptional(in);
        String workingDirectory = readOptional(in);
        return new Entry(stamp, new ConversationSummary(id, created, updated, modelId, messageCount, title,
                workingDirectory));
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void writeOptional(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    private static String readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
