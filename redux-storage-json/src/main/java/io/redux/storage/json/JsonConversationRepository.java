package io.redux.storage.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redux.domain.error.ConversationAlreadyExistsException;
import io.redux.domain.error.ConversationNotFoundException;
import io.redux.domain.error.CorruptConversationException;
import io.redux.domain.error.InvalidInputException;
import io.redux.domain.error.StorageException;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationListing;
import io.redux.domain.model.ConversationListing.UnreadableConversation;
import io.redux.domain.model.ConversationSummary;
import io.redux.domain.port.ConversationReader;
import io.redux.domain.port.ConversationRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Conversations as one JSON file each, {@code <directory>/<conversation_id>.json}, in the format of
 * {@code docs/conversation-format.md}.
 *
 * <p>Every write is atomic and durable, and holds the conversation's lock (across threads and processes) while it
 * re-reads the file, applies the change and writes, so no writer replaces content it has not read. (A file still
 * exactly as this repository last wrote it, by its {@link FileStamp}, is not read again.) Fields Redux
 * does not know are kept. A file that cannot be read is reported and never changed. Safe for concurrent use.
 */
public final class JsonConversationRepository implements ConversationRepository {

    /** Written out rather than composed from key extractors: a listing sorts every conversation of the folder. */
    private static final Comparator<ConversationSummary> NEWEST_FIRST = (a, b) -> {
        int newer = b.updatedAt().compareTo(a.updatedAt());
        return newer != 0 ? newer : a.id().value().compareTo(b.id().value());
    };

    private final ConversationFolder folder;
    private final RecentWrites recentWrites = new RecentWrites();

    /**
     * Starts Jackson's set-up, the static initializers of the mapper every reader and writer shares (about 10 ms of a
     * fresh JVM's time), on a daemon thread that never keeps the JVM running: for a caller that will read or save
     * soon and has other work to do first.
     */
    public static Thread prepareInBackground() {
        Thread preparing = new Thread(JsonSupport::prepare, "redux-json");
        preparing.setDaemon(true);
        preparing.start();
        return preparing;
    }

    /** @param directory the folder of conversation files; created on the first write, not before */
    public JsonConversationRepository(Path directory) {
        this.folder = new ConversationFolder(directory);
    }

    public Path directory() {
        return folder.directory();
    }

    public Path fileOf(ConversationId id) {
        return folder.fileOf(id);
    }

    @Override
    public void create(Conversation conversation) {
        ConversationId id = conversation.id();
        folder.createIfMissing();
        try (ConversationLocks.Held lock = lock(id)) {
            if (Files.exists(fileOf(id))) {
                throw new ConversationAlreadyExistsException(id);
            }
            store(conversation, null, null);
        } catch (IOException e) {
            throw folder.failure("cannot store conversation " + id, e);
        }
    }

    @Override
    public Optional<Conversation> find(ConversationId id) {
        return read(id).map(StoredConversation::conversation);
    }

    /** Holds one message at a time, however long the conversation; checks all of it first (see {@link #find}). */
    @Override
    public void read(ConversationId id, ConversationReader reader) {
        stream(id, file -> ConversationStreamer.read(file, id, reader));
    }

    /** The conversation's file as it is, once checked as {@link #find} checks it. */
    @Override
    public void copyDocument(ConversationId id, Writer out) {
        stream(id, file -> ConversationStreamer.copy(file, id, out));
    }

    private interface FileReading {
        void from(Path file) throws IOException;
    }

    private void stream(ConversationId id, FileReading reading) {
        Path file = fileOf(id);
        try {
            reading.from(file);
        } catch (NoSuchFileException e) {
            folder.requireNotAFile();
            throw new ConversationNotFoundException(id);
        } catch (IOException e) {
            throw readFailure(file, e);
        }
    }

    /** A file that could not be read, by a load or a stream alike: the folder's problem, else this file's. */
    private RuntimeException readFailure(Path file, IOException e) {
        if (e instanceof RegularFileReader.UnsuitableFileException unsuitable) {
            return new CorruptConversationException(file.toString(), unsuitable.reason());
        }
        if (Files.exists(folder.directory()) && !Files.isDirectory(folder.directory())) {
            return folder.notAFolder();
        }
        return new CorruptConversationException(file.toString(), "it cannot be read: " + e);
    }

    @Override
    public Conversation update(ConversationId id, UnaryOperator<Conversation> change) {
        if (!Files.exists(fileOf(id), LinkOption.NOFOLLOW_LINKS)) {
            folder.requireNotAFile();
            throw new ConversationNotFoundException(id);
        }
        folder.createIfMissing();
        try (ConversationLocks.Held lock = lock(id)) {
            Optional<RecentWrites.Remembered> remembered = recentWrites.unchanged(id, fileOf(id));
            StoredConversation stored = remembered.map(RecentWrites.Remembered::stored).or(() -> read(id))
                    .orElseThrow(() -> new ConversationNotFoundException(id));
            Conversation changed = change.apply(stored.conversation());
            if (changed == null || !changed.id().equals(id)) {
                throw new InvalidInputException("An update of conversation " + id + " must return that conversation, not "
                        + (changed == null ? "null" : changed.id()));
            }
            folder.requireWritable(fileOf(id));
            store(changed, stored.tree(), remembered.orElse(null));
            return changed;
        } catch (IOException e) {
            throw folder.failure("cannot store conversation " + id, e);
        } catch (OutOfMemoryError e) {
            throw tooLarge(id, "update", e);
        }
    }

    @Override
    public ConversationListing list() {
        List<Path> files = folder.conversationFiles();
        SummaryIndex index = files.isEmpty() ? SummaryIndex.empty() : SummaryIndex.load(folder.summaryIndexFile());
        // Each file is independent; the common pool plus this thread keep every core busy.
        List<Listed> results = files.parallelStream().map(file -> summaryOrProblem(file, index)).toList();
        List<ConversationSummary> summaries = new ArrayList<>(results.size());
        List<UnreadableConversation> unreadable = new ArrayList<>();
        int fromIndex = 0;
        for (Listed result : results) {
            if (result.summary() != null) {
                summaries.add(result.summary());
                if (result.fromIndex()) {
                    fromIndex++;
                }
            } else if (result.unreadable() != null) {
                unreadable.add(result.unreadable());
            }
        }
        summaries.sort(NEWEST_FIRST);
        if (!onlyFromIndex(index, fromIndex, summaries)) {
            updateIndex(index, results);
        }
        unreadable.sort(Comparator.comparing(UnreadableConversation::location));
        return new ConversationListing(summaries, unreadable);
    }

    @Override
    public void delete(ConversationId id) {
        // Whatever is there, a link or a FIFO included, is removed without being read.
        if (!Files.exists(fileOf(id), LinkOption.NOFOLLOW_LINKS)) {
            folder.requireNotAFile();
            throw new ConversationNotFoundException(id);
        }
        try (ConversationLocks.Held lock = lock(id)) {
            recentWrites.forget(id);
            AtomicFileWriter.delete(fileOf(id));
            lock.removeFile();
        } catch (NoSuchFileException e) {
            throw new ConversationNotFoundException(id);
        } catch (IOException e) {
            throw folder.failure("cannot delete conversation " + id, e);
        }
    }

    /**
     * What listing one file gave: a summary (with the file's stamp taken before reading it, when there is one, and
     * whether the index gave it), the reason it is unreadable, or neither when it vanished meanwhile.
     */
    private record Listed(ConversationSummary summary, FileStamp stamp, boolean fromIndex,
                          UnreadableConversation unreadable) {
    }

    private static Listed summaryOrProblem(Path file, SummaryIndex index) {
        String name = file.getFileName().toString();
        ConversationId id = ConversationId.parse(name.substring(0, name.length() - ".json".length()));
        BasicFileAttributes attributes;
        try {
            attributes = RegularFileReader.attributesOf(file);
        } catch (IOException e) {
            // Reading the file says why (or that it vanished), as for any other unreadable file.
            return read(file, id, null, null);
        }
        FileStamp stamp = FileStamp.of(attributes).orElse(null);
        if (stamp != null) {
            Optional<ConversationSummary> known = index.summaryOf(id, stamp);
            if (known.isPresent()) {
                return new Listed(known.get(), stamp, true, null);
            }
        }
        return read(file, id, attributes, stamp);
    }

    /** @param attributes the file's, just read, or null to read them again */
    private static Listed read(Path file, ConversationId id, BasicFileAttributes attributes, FileStamp stamp) {
        try {
            byte[] content = attributes == null ? RegularFileReader.readAllBytes(file)
                    : RegularFileReader.readAllBytes(file, attributes);
            return new Listed(ConversationParser.parse(file.toString(), content, id).conversation().summary(), stamp,
                    false, null);
        } catch (CorruptConversationException e) {
            return new Listed(null, null, false, new UnreadableConversation(e.location(), e.reason()));
        } catch (RegularFileReader.UnsuitableFileException e) {
            return new Listed(null, null, false, new UnreadableConversation(file.toString(), e.reason()));
        } catch (NoSuchFileException e) {
            return new Listed(null, null, false, null);
        } catch (IOException e) {
            return new Listed(null, null, false,
                    new UnreadableConversation(file.toString(), "it cannot be read: " + e));
        }
    }

    /**
     * Whether every summary listed came from the index and each of its entries was used once: then the index says
     * exactly what the files say, and the usual listing is spared building and comparing a second map of the folder.
     * Two names of one conversation (a hard link under the upper-case name) would use one entry twice; sorted, they
     * sit side by side.
     */
    private static boolean onlyFromIndex(SummaryIndex index, int fromIndex, List<ConversationSummary> sorted) {
        if (fromIndex != sorted.size() || fromIndex != index.size()) {
            return false;
        }
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Saves what this listing read when it differs from the index. A listing works in a folder it cannot write to;
     * it just reads every file again next time.
     */
    private void updateIndex(SummaryIndex index, List<Listed> results) {
        Map<ConversationId, SummaryIndex.Entry> indexed = new HashMap<>();
        for (Listed result : results) {
            if (result.summary() != null && result.stamp() != null) {
                indexed.put(result.summary().id(), new SummaryIndex.Entry(result.stamp(), result.summary()));
            }
        }
        if (!index.differsFrom(indexed)) {
            return;
        }
        try {
            SummaryIndex.save(folder.summaryIndexFile(), indexed, folder.privateFileAttributes());
        } catch (IOException e) {
            // No index this time.
        }
    }

    private Optional<StoredConversation> read(ConversationId id) {
        try {
            return readWhole(id);
        } catch (OutOfMemoryError e) {
            throw tooLarge(id, "load", e);
        }
    }

    /**
     * A conversation too large for the heap is a failure of this one file, named with its size, not a crash: what
     * the failed load or write took is unreachable once the error has left the method that held it.
     */
    private StorageException tooLarge(ConversationId id, String what, OutOfMemoryError e) {
        Path file = fileOf(id);
        long size = FileStamp.of(file).map(FileStamp::size).orElse(0L);
        return new StorageException("Conversation file " + file + " (" + (size >> 20) + " MB) is too large to " + what
                + " in the memory Java may use (" + (Runtime.getRuntime().maxMemory() >> 20)
                + " MB); it was left untouched", e);
    }

    private Optional<StoredConversation> readWhole(ConversationId id) {
        Path file = fileOf(id);
        byte[] content;
        try {
            content = RegularFileReader.readAllBytes(file);
        } catch (NoSuchFileException e) {
            folder.requireNotAFile();
            return Optional.empty();
        } catch (IOException e) {
            throw readFailure(file, e);
        }
        return Optional.of(ConversationParser.parse(file.toString(), content, id));
    }

    /** @param remembered how this repository last wrote {@code previous}, when it did, or null */
    private void store(Conversation conversation, ObjectNode previous, RecentWrites.Remembered remembered)
            throws IOException {
        ConversationId id = conversation.id();
        // The previous tree may be the one remembered, and it is about to change in place.
        recentWrites.forget(id);
        int unchanged = remembered == null ? 0
                : ConversationTreeWriter.unchangedMessages(conversation, previous, remembered.stored().conversation());
        ObjectNode tree = ConversationTreeWriter.write(conversation, previous, unchanged);
        DocumentWriter.Written document = DocumentWriter.write(tree,
                remembered == null ? List.of() : remembered.messages(), unchanged);
        AtomicFileWriter.write(fileOf(id), folder.tempFileOf(id), document.content(), folder.privateFileAttributes());
        recentWrites.remember(id, fileOf(id),
                new RecentWrites.Remembered(new StoredConversation(tree, conversation), document.messages()));
    }

    private ConversationLocks.Held lock(ConversationId id) throws IOException {
        return ConversationLocks.acquire(folder.lockFileOf(id), folder.privateFileAttributes());
    }
}
