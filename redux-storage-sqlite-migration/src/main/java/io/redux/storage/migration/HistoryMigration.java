package io.redux.storage.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.redux.domain.error.ConversationsFolderException;
import io.redux.domain.error.ReduxException;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.ConversationMetadata;
import io.redux.domain.model.Message;
import io.redux.domain.model.MigrationOrigin;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.SessionType;
import io.redux.domain.port.ConversationRepository;
import io.redux.domain.port.MigrationProgress;
import io.redux.domain.port.MigrationReport;
import io.redux.domain.port.RowOutcome;
import io.redux.domain.port.RowReport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Migrates the original CLI's conversation history (its SQLite {@code data.sqlite3}) into Redux conversations,
 * writing only through a {@link ConversationRepository}. The source is never changed.
 *
 * <p>Running it again is safe: a conversation already migrated and unchanged at the source is left alone; one that
 * changed at the source is rewritten; one the user continued in Redux since is never overwritten (it is reported).
 */
final class HistoryMigration {

    private final ConversationRepository target;
    private final Clock clock;
    private final ModelId targetModel;
    private final ConversationStateMapper mapper = new ConversationStateMapper(new ObjectMapper());

    /**
     * @param target      where the conversations are written
     * @param clock       the time recorded as {@code migrated_at}
     * @param targetModel the model the migrated conversations continue with in Redux
     */
    HistoryMigration(ConversationRepository target, Clock clock, ModelId targetModel) {
        this.target = Objects.requireNonNull(target, "target");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.targetModel = Objects.requireNonNull(targetModel, "targetModel");
    }

    /**
     * Reads every conversation row of {@code sqliteFile} and writes it (unless {@link MigrationOptions#dryRun()}).
     * A row that cannot be read or written is reported and the others go on.
     *
     * @throws SourceDatabaseException when the database as a whole cannot be opened or listed (missing, not SQLite,
     *                                 locked for longer than the busy timeout)
     */
    MigrationReport migrate(Path sqliteFile, MigrationOptions options, MigrationProgress progress) {
        Objects.requireNonNull(sqliteFile, "sqliteFile");
        MigrationOptions chosen = options == null ? MigrationOptions.DEFAULT : options;
        MigrationProgress listener = progress == null ? MigrationProgress.NONE : progress;
        String source = SourceDatabase.sourceOf(sqliteFile);
        Run run = new Run(source, chosen.dryRun(), clock.instant());
        List<RowReport> reports = new ArrayList<>();
        List<String> warnings;
        try (SqliteHistoryReader reader = SqliteHistoryReader.open(sqliteFile, chosen.busyTimeout())) {
            List<SourceRow.Ref> refs = reader.rows();
            for (SourceRow.Ref ref : refs) {
                reports.add(run.migrate(reader, ref));
                listener.onRow(reports.size(), refs.size());
            }
            warnings = reader.warnings();
        }
        return new MigrationReport(sqliteFile, source, chosen.dryRun(), reports, warnings);
    }

    /** The SHA-256 of the source value's UTF-8 bytes, in hex: what tells a changed source conversation. */
    static String fingerprint(String value) {
        return fingerprint(value.getBytes(StandardCharsets.UTF_8));
    }

    static String fingerprint(byte[] value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /**
     * The Redux id of a source conversation: its own id when that is a UUID (so the same conversation keeps its
     * identity), else a name-based UUID of source, key and id, the same on every run.
     */
    static ConversationId conversationIdFor(String source, String key, String sourceConversationId) {
        if (ConversationId.isValid(sourceConversationId)) {
            return ConversationId.parse(sourceConversationId);
        }
        return nameBased(source, key, sourceConversationId);
    }

    private static ConversationId nameBased(String... parts) {
        String name = "redux-migration\n" + Arrays.stream(parts).map(part -> part == null ? "" : part)
                .collect(Collectors.joining("\n"));
        return new ConversationId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    /** One migration run: the ids it has handed out, so two rows never land on one conversation. */
    private final class Run {

        private final String source;
        private final boolean dryRun;
        private final Instant now;
        private final Map<ConversationId, String> fingerprintsById = new HashMap<>();
        private final Map<ConversationId, SourceRow.Ref> rowsById = new HashMap<>();

        Run(String source, boolean dryRun, Instant now) {
            this.source = source;
            this.dryRun = dryRun;
            this.now = now;
        }

        RowReport migrate(SqliteHistoryReader reader, SourceRow.Ref ref) {
            Optional<SourceRow> read;
            try {
                read = reader.read(ref);
            } catch (SQLException e) {
                return report(ref, ref.conversationId(), null, RowOutcome.FAILED,
                        "the row cannot be read: " + SqliteHistoryReader.reason(e), null);
            }
            if (read.isEmpty()) {
                return report(ref, ref.conversationId(), null, RowOutcome.SKIPPED,
                        "deleted from the source while the migration ran", null);
            }
            SourceRow row = read.get();
            ConversationStateMapper.Mapped mapped;
            try {
                mapped = mapper.map(row, now);
            } catch (UnreadableRowException e) {
                return report(ref, ref.conversationId(), null, RowOutcome.FAILED, e.getMessage(), null);
            }
            String fingerprint = fingerprint(row.value());
            ConversationId id = conversationIdFor(source, row.key(), mapped.sourceConversationId());
            SourceRow.Ref earlier = rowsById.get(id);
            if (earlier != null) {
                if (fingerprint.equals(fingerprintsById.get(id))) {
                    return report(ref, mapped.sourceConversationId(), id, RowOutcome.SKIPPED,
                            "the same conversation as " + describe(earlier) + ", already handled", mapped);
                }
                // Two different documents share a conversation id (e.g. one /load-ed into another folder): keep both.
                id = nameBased(source, row.table(), row.key(), mapped.sourceConversationId());
            }
            rowsById.put(id, ref);
            fingerprintsById.put(id, fingerprint);
            if (mapped.messages().isEmpty()) {
                return report(ref, mapped.sourceConversationId(), id, RowOutcome.SKIPPED, "no messages to migrate", mapped);
            }
            try {
                return write(ref, id, mapped, fingerprint);
            } catch (ConversationsFolderException e) {
                // The store as a whole (a missing bucket, access denied, an unreachable endpoint): every other row
                // would fail the same way, so it is one line, not one per row.
                throw e;
            } catch (ReduxException e) {
                return report(ref, mapped.sourceConversationId(), id, RowOutcome.FAILED, e.getMessage(), mapped);
            }
        }

        private RowReport write(SourceRow.Ref ref, ConversationId id, ConversationStateMapper.Mapped mapped,
                                String fingerprint) {
            // migrated_at is never before the last message, so a conversation is "continued" only by a later append.
            Instant migratedAt = mapped.updatedAt().isAfter(now) ? mapped.updatedAt() : now;
            MigrationOrigin origin = new MigrationOrigin(source, ref.key(), mapped.sourceConversationId(),
                    mapped.sourceModel(), fingerprint, migratedAt);
            ConversationMetadata metadata = ConversationMetadata.EMPTY
                    .withSessionType(SessionType.MIGRATED)
                    .withWorkingDirectory(ref.key())
                    .withMigratedFrom(origin);
            Conversation conversation = new Conversation(id, mapped.createdAt(), mapped.updatedAt(), targetModel,
                    targetModel.region(), mapped.messages(), metadata);
            String sourceId = mapped.sourceConversationId();

            Optional<Conversation> existing = target.find(id);
            if (existing.isEmpty()) {
                if (!dryRun) {
                    target.create(conversation);
                }
                return report(ref, sourceId, id, RowOutcome.MIGRATED, null, mapped);
            }
            Verdict verdict = judge(existing.get(), fingerprint, conversation);
            if (verdict.outcome() != RowOutcome.UPDATED || dryRun) {
                return report(ref, sourceId, id, verdict.outcome(), verdict.reason(), mapped);
            }
            AtomicReference<Verdict> applied = new AtomicReference<>(verdict);
            target.update(id, current -> {
                // Judged again on the latest stored state: the user may have continued it a moment ago.
                applied.set(judge(current, fingerprint, conversation));
                return applied.get().outcome() == RowOutcome.UPDATED ? conversation : current;
            });
            return report(ref, sourceId, id, applied.get().outcome(), applied.get().reason(), mapped);
        }

        private record Verdict(RowOutcome outcome, String reason) {
        }

        private Verdict judge(Conversation existing, String fingerprint, Conversation incoming) {
            MigrationOrigin origin = existing.metadata().migratedFrom();
            if (origin == null) {
                return new Verdict(RowOutcome.SKIPPED, "a Redux conversation with this id exists that was not"
                        + " migrated; it was left as it is");
            }
            if (fingerprint.equals(origin.fingerprint())) {
                return new Verdict(RowOutcome.UNCHANGED, "migrated before and unchanged at the source");
            }
            if (origin.migratedAt() != null && existing.updatedAt().isAfter(origin.migratedAt())) {
                return new Verdict(RowOutcome.SKIPPED, "changed at the source, but continued in Redux since it was"
                        + " migrated at " + origin.migratedAt() + "; not overwritten");
            }
            Set<String> incomingIds = incoming.messages().stream().map(Message::id).collect(Collectors.toSet());
            if (!existing.messages().stream().map(Message::id).allMatch(incomingIds::contains)) {
                return new Verdict(RowOutcome.SKIPPED, "changed at the source, but the Redux conversation has"
                        + " messages the source does not; not overwritten");
            }
            return new Verdict(RowOutcome.UPDATED, "changed at the source since the last migration");
        }

        private RowReport report(SourceRow.Ref ref, String sourceConversationId, ConversationId id, RowOutcome outcome,
                                 String reason, ConversationStateMapper.Mapped mapped) {
            return new RowReport(ref.table(), ref.key(), sourceConversationId, id, outcome, reason,
                    mapped == null ? 0 : mapped.messages().size(),
                    mapped == null ? 0 : mapped.repairs(),
                    mapped == null ? 0 : mapped.imagesReplaced());
        }

        private String describe(SourceRow.Ref ref) {
            return "the " + ref.table() + " row for " + ref.key()
                    + (ref.conversationId() == null ? "" : " (" + ref.conversationId() + ")");
        }
    }
}
