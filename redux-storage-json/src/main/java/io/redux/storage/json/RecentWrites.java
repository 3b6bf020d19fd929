package io.redux.storage.json;

import com.fasterxml.jackson.core.io.SerializedString;
import io.redux.domain.model.ConversationId;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conversations this repository wrote last, as it wrote them, so the next change of a file nobody has touched
 * since skips reading and parsing it again: that is most of the cost of a save in a long conversation. Only a few
 * are kept (a chat writes one conversation; a migration writes each once), and an entry is used only while the
 * file's stamp is the one it had right after our write.
 */
final class RecentWrites {

    private static final int KEPT = 4;

    /** A conversation as this repository wrote it: the file's stamp, the document, and each message's text. */
    record Remembered(StoredConversation stored, List<SerializedString> messages) {
    }

    private record Written(FileStamp stamp, Remembered remembered) {
    }

    private final Map<ConversationId, Written> written = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ConversationId, Written> eldest) {
            return size() > KEPT;
        }
    };

    /** What we wrote to {@code file}, if the file is still exactly that; call it holding the conversation's lock. */
    synchronized Optional<Remembered> unchanged(ConversationId id, Path file) {
        Written last = written.get(id);
        if (last == null) {
            return Optional.empty();
        }
        if (FileStamp.of(file).filter(last.stamp()::equals).isEmpty()) {
            written.remove(id);
            return Optional.empty();
        }
        return Optional.of(last.remembered());
    }

    /** Records what was just written to {@code file}; call it holding the lock, right after the write. */
    synchronized void remember(ConversationId id, Path file, Remembered remembered) {
        FileStamp.of(file).ifPresentOrElse(stamp -> written.put(id, new Written(stamp, remembered)),
                () -> written.remove(id));
    }

    /** Drops what is known of a conversation, before its tree is changed or when its file goes away. */
    synchronized void forget(ConversationId id) {
        written.remove(id);
    }
}
