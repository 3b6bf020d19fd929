package io.redux.storage.migration;

import io.redux.domain.error.ConversationsFolderException;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationId;
import io.redux.domain.model.Message;
import io.redux.domain.model.MigrationOrigin;
import io.redux.domain.model.ModelId;
import io.redux.domain.model.SessionType;
import io.redux.domain.model.UserMessage;
import io.redux.domain.port.MigrationProgress;
import io.redux.domain.port.MigrationReport;
import io.redux.domain.port.RowOutcome;
import io.redux.domain.port.RowReport;
import io.redux.testkit.FailingConversationRepository;
import io.redux.testkit.InMemoryConversationRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoryMigrationTest {

    static final ModelId TARGET = ModelId.parse("custom:us-east-1:anthropic:claude-3-5-sonnet-20241022-v2:0");
    static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");

    @TempDir
    Path dir;

    private final InMemoryConversationRepository repository = new InMemoryConversationRepository();
    private final HistoryMigration migration = new HistoryMigration(repository, Clock.fixed(NOW, ZoneOffset.UTC), TARGET);

    private MigrationReport migrate(Path file) {
        return migration.migrate(file, MigrationOptions.DEFAULT, MigrationProgress.NONE);
    }

    private SourceStore v1StoreWithEveryFixture() {
        SourceStore store = SourceStore.v1(dir.resolve("amazon-q/data.sqlite3"));
        for (String fixture : SourceStore.FIXTURES) {
            store.conversation("/home/dev/" + fixture.replace(".json", ""), SourceStore.fixture(fixture));
        }
        return store;
    }

    @Test
    void aTargetStoreThatIsUnusableAsAWholeStopsTheMigrationAtTheFirstConversation() {
        FailingConversationRepository missingBucket = new FailingConversationRepository(
                () -> new ConversationsFolderException("S3 bucket gone does not exist"));
        HistoryMigration intoNothing = new HistoryMigration(missingBucket, Clock.fixed(NOW, ZoneOffset.UTC), TARGET);
        Path file = v1StoreWithEveryFixture().file();

        // One line for the store, not the same line once per row.
        assertThatThrownBy(() -> intoNothing.migrate(file, MigrationOptions.DEFAULT, MigrationProgress.NONE))
                .isInstanceOf(ConversationsFolderException.class).hasMessage("S3 bucket gone does not exist");
        assertThat(missingBucket.calls()).isEqualTo(1);
    }

    @Test
    void anEmptyStoreMigratesNothingAndSucceeds() {
        MigrationReport report = migrate(SourceStore.v2(dir.resolve("data.sqlite3")).file());

        assertThat(report.found()).isZero();
        assertThat(report.hasFailures()).isFalse();
        assertThat(repository.list().conversations()).isEmpty();
    }

    @Test
    void aV1StoreMigratesEveryConversationWithItsOrigin() {
        SourceStore store = v1StoreWithEveryFixture();

        MigrationReport report = migrate(store.file());

        assertThat(report.found()).isEqualTo(4);
        assertThat(report.migrated()).isEqualTo(4);
        assertThat(report.hasFailures()).isFalse();
        assertThat(report.source()).isEqualTo(SourceDatabase.AMAZON_Q);
        Conversation basic = repository.load(ConversationId.parse("26a591e0-dd86-44ee-84e2-7c44ddda8fdb"));
        assertThat(basic.modelId()).isEqualTo(TARGET);
        assertThat(basic.region()).isEqualTo("us-east-1");
        assertThat(basic.metadata().sessionType()).isEqualTo(SessionType.MIGRATED);
        assertThat(basic.metadata().workingDirectory()).isEqualTo("/home/dev/basic_tool_use");
        MigrationOrigin origin = basic.metadata().migratedFrom();
        assertThat(origin.source()).isEqualTo("amazon-q");
        assertThat(origin.sourceKey()).isEqualTo("/home/dev/basic_tool_use");
        assertThat(origin.sourceConversationId()).isEqualTo("26a591e0-dd86-44ee-84e2-7c44ddda8fdb");
        assertThat(origin.sourceModel()).isEqualTo("claude-opus-4.6-1m");
        assertThat(origin.fingerprint()).isEqualTo(HistoryMigration.fingerprint(SourceStore.fixture(SourceStore.BASIC)))
                .hasSize(64);
        assertThat(origin.migratedAt()).isEqualTo(NOW);
        assertThat(basic.title()).startsWith("Create hello world");
        RowReport row = report.rows().stream().filter(r -> r.key().endsWith("basic_tool_use")).findFirst().orElseThrow();
        assertThat(row.messages()).isEqualTo(basic.messages().size());
        assertThat(row.conversationId()).isEqualTo(basic.id());
        for (var summary : repository.list().conversations()) {
            ConversationStateMapperTest.assertEveryResultAnswersAnEarlierCall(repository.load(summary.id()).messages());
        }
    }

    @Test
    void aV2StoreIsReadWithItsTimesAndTheV1CopyOfTheSameConversationIsNotDuplicated() {
        Path file = dir.resolve("kiro-cli/data.sqlite3");
        String basic = SourceStore.fixture(SourceStore.BASIC);
        SourceStore.v2(file)
                .conversation("/home/dev/a", basic)
                .conversation("/home/dev/b", SourceStore.fixture(SourceStore.CANCELLED))
                .conversationV2("/home/dev/a", "26a591e0-dd86-44ee-84e2-7c44ddda8fdb", basic, 1_774_650_000_000L, 1_774_660_000_000L)
                .conversationV2("/home/dev/c", "e5f323d8-9029-4f1f-9e36-bc6e991a1a79", SourceStore.fixture(SourceStore.CHAINS),
                        1_774_658_000_000L, 1_774_659_000_000L);

        MigrationReport report = migrate(file);

        assertThat(report.source()).isEqualTo(SourceDatabase.KIRO_CLI);
        assertThat(report.found()).isEqualTo(4);
        assertThat(report.migrated()).isEqualTo(3);
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.rows().get(0).table()).isEqualTo("conversations_v2");
        RowReport duplicate = report.rows().stream().filter(r -> r.outcome() == RowOutcome.SKIPPED).findFirst().orElseThrow();
        assertThat(duplicate.table()).isEqualTo("conversations");
        assertThat(duplicate.reason()).contains("the same conversation as the conversations_v2 row for /home/dev/a");
        Conversation fromV2 = repository.load(ConversationId.parse("26a591e0-dd86-44ee-84e2-7c44ddda8fdb"));
        assertThat(fromV2.createdAt()).isEqualTo(Instant.ofEpochMilli(1_774_650_000_000L));
        assertThat(fromV2.updatedAt()).isEqualTo(Instant.ofEpochMilli(1_774_660_000_000L));
        assertThat(fromV2.metadata().migratedFrom().source()).isEqualTo("kiro-cli");
    }

    @Test
    void twoDifferentDocumentsSharingAConversationIdBothMigrate() {
        String basic = SourceStore.fixture(SourceStore.BASIC);
        Path file = SourceStore.v1(dir.resolve("data.sqlite3"))
                .conversation("/a", basic)
                .conversation("/b", basic.replace("summarize our conversation", "sum up our chat"))
                .file();

        MigrationReport report = migrate(file);

        assertThat(report.migrated()).isEqualTo(2);
        assertThat(report.rows().get(0).conversationId()).isNotEqualTo(report.rows().get(1).conversationId());
        assertThat(migrate(file).unchanged()).isEqualTo(2);
    }

    @Test
    void anUnparseableRowIsReportedAndTheOthersMigrate() {
        Path file = v1StoreWithEveryFixture().conversation("/home/dev/broken", "{\"history\": [ truncated").file();

        MigrationReport report = migrate(file);

        assertThat(report.migrated()).isEqualTo(4);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.hasFailures()).isTrue();
        RowReport broken = report.rows().stream().filter(r -> r.outcome() == RowOutcome.FAILED).findFirst().orElseThrow();
        assertThat(broken.key()).isEqualTo("/home/dev/broken");
        assertThat(broken.reason()).startsWith("the value is not valid JSON");
        assertThat(broken.conversationId()).isNull();
        assertThat(report.summary()).contains("4 migrated").contains("1 failed");
    }

    @Test
    void oddButValidRowsMigrateFromARealStore() {
        String unknownFields = SourceStore.fixture(SourceStore.CANCELLED)
                .replaceFirst("\\{\"conversation_id\"", "{\"from_the_future\":{\"a\":[1]},\"conversation_id\"")
                .replace("\"images\":null", "\"images\":null,\"voice_note\":null");
        String legacyModel = "{\"conversation_id\":\"0f0e0d0c-0b0a-4909-8807-060504030201\",\"model\":\"CLAUDE_3_7\","
                + "\"history\":[[{\"content\":{\"Prompt\":{\"prompt\":\"hi\"}},\"timestamp\":null},"
                + "{\"Response\":{\"message_id\":null,\"content\":\"hello\"}}]]}";
        String image = "{\"conversation_id\":\"1f0e0d0c-0b0a-4909-8807-060504030201\",\"history\":[{\"user\":{\"content\":"
                + "{\"Prompt\":{\"prompt\":\"what is this\"}},\"timestamp\":\"2026-01-01T10:00:00-05:00\","
                + "\"images\":[{\"format\":\"Gif\",\"source\":{\"Bytes\":[71,73,70,56,57,97]}}]},"
                + "\"assistant\":{\"Response\":{\"message_id\":\"a\",\"content\":\"a gif\"}}}]}";
        Path file = SourceStore.v1(dir.resolve("data.sqlite3"))
                .conversation("/unknown", unknownFields).conversation("/legacy", legacyModel).conversation("/image", image)
                .file();

        MigrationReport report = migrate(file);

        assertThat(report.migrated()).isEqualTo(3);
        assertThat(report.imagesReplaced()).isEqualTo(1);
        assertThat(repository.load(ConversationId.parse("0f0e0d0c-0b0a-4909-8807-060504030201"))
                .metadata().migratedFrom().sourceModel()).isEqualTo("CLAUDE_3_7");
        Conversation withImage = repository.load(ConversationId.parse("1f0e0d0c-0b0a-4909-8807-060504030201"));
        assertThat(withImage.messages().get(0).text()).isEqualTo("what is this\n\n[image: gif, 6 bytes]");
        assertThat(withImage.createdAt()).isEqualTo(Instant.parse("2026-01-01T15:00:00Z"));
        assertThat(repository.load(ConversationId.parse("8028abe7-df19-4b61-a511-019685b9b40d")).messages())
                .hasSizeGreaterThan(10);
    }

    @Test
    void aNonUuidConversationIdGetsAStableNameBasedId() {
        String doc = "{\"conversation_id\":\"my-chat\",\"history\":[{\"user\":{\"content\":{\"Prompt\":{\"prompt\":\"hi\"}},"
                + "\"timestamp\":null},\"assistant\":{\"Response\":{\"message_id\":null,\"content\":\"hey\"}}}]}";
        Path file = SourceStore.v1(dir.resolve("data.sqlite3")).conversation("/p", doc).file();

        ConversationId first = migrate(file).rows().get(0).conversationId();

        assertThat(first).isEqualTo(HistoryMigration.conversationIdFor("amazon-q", "/p", "my-chat"));
        assertThat(repository.load(first).metadata().migratedFrom().sourceConversationId()).isEqualTo("my-chat");
        MigrationReport again = migrate(file);
        assertThat(again.rows().get(0).conversationId()).isEqualTo(first);
        assertThat(again.unchanged()).isEqualTo(1);
    }

    @Test
    void runningTwiceCreatesNothingNew() {
        Path file = v1StoreWithEveryFixture().file();
        migrate(file);
        List<Conversation> before = all();

        MigrationReport second = migrate(file);

        assertThat(second.unchanged()).isEqualTo(4);
        assertThat(second.migrated() + second.updated() + second.failed()).isZero();
        assertThat(all()).isEqualTo(before);
    }

    @Test
    void aConversationChangedAtTheSourceIsUpdated() {
        SourceStore store = v1StoreWithEveryFixture();
        migrate(store.file());
        String grown = SourceStore.fixture(SourceStore.BASIC).replace("\"history\":[",
                "\"history\":[{\"user\":{\"content\":{\"Prompt\":{\"prompt\":\"one more thing\"}},\"timestamp\":null},"
                        + "\"assistant\":{\"Response\":{\"message_id\":\"extra\",\"content\":\"sure\"}}},");
        store.conversation("/home/dev/basic_tool_use", grown);

        MigrationReport report = migrate(store.file());

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(3);
        Conversation basic = repository.load(ConversationId.parse("26a591e0-dd86-44ee-84e2-7c44ddda8fdb"));
        assertThat(basic.messages().get(0).text()).isEqualTo("one more thing");
        assertThat(basic.metadata().migratedFrom().fingerprint()).isEqualTo(HistoryMigration.fingerprint(grown));
    }

    @Test
    void aConversationContinuedInReduxIsReportedAndNotOverwritten() {
        SourceStore store = v1StoreWithEveryFixture();
        migrate(store.file());
        ConversationId id = ConversationId.parse("26a591e0-dd86-44ee-84e2-7c44ddda8fdb");
        repository.append(id, new UserMessage("redux-1", NOW.plus(Duration.ofHours(1)), "continued in Redux"));
        store.conversation("/home/dev/basic_tool_use", SourceStore.fixture(SourceStore.BASIC).replace("try it for me", "run it"));

        MigrationReport report = migrate(store.file());

        RowReport row = report.rows().stream().filter(r -> id.equals(r.conversationId())).findFirst().orElseThrow();
        assertThat(row.outcome()).isEqualTo(RowOutcome.SKIPPED);
        assertThat(row.reason()).contains("continued in Redux");
        assertThat(report.hasFailures()).isFalse();
        Conversation kept = repository.load(id);
        assertThat(kept.lastMessage().orElseThrow().text()).isEqualTo("continued in Redux");
        assertThat(kept.messages()).extracting(Message::text).contains("try it for me").doesNotContain("run it");
    }

    @Test
    void aReduxConversationThatWasNotMigratedIsNeverReplaced() {
        ConversationId id = ConversationId.parse("26a591e0-dd86-44ee-84e2-7c44ddda8fdb");
        repository.create(Conversation.start(id, TARGET, null, NOW));

        MigrationReport report = migrate(v1StoreWithEveryFixture().file());

        assertThat(report.skipped()).isEqualTo(1);
        assertThat(repository.load(id).messages()).isEmpty();
    }

    @Test
    void aDryRunReportsTheSameAndWritesNothing() {
        Path file = v1StoreWithEveryFixture().conversation("/home/dev/broken", "nope").file();

        MigrationReport dry = migration.migrate(file, MigrationOptions.DEFAULT.withDryRun(true), MigrationProgress.NONE);

        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.migrated()).isEqualTo(4);
        assertThat(dry.failed()).isEqualTo(1);
        assertThat(repository.list().conversations()).isEmpty();
        assertThat(dry.summary()).startsWith("Dry run, nothing written.").contains("a real run would give: 4 migrated");
        MigrationReport real = migrate(file);
        assertThat(real.rows()).isEqualTo(dry.rows());
    }

    @Test
    void progressIsReportedForEveryRow() {
        List<String> calls = new ArrayList<>();

        migration.migrate(v1StoreWithEveryFixture().file(), MigrationOptions.DEFAULT,
                (done, total) -> calls.add(done + "/" + total));

        assertThat(calls).containsExactly("1/4", "2/4", "3/4", "4/4");
    }

    private List<Conversation> all() {
        return repository.list().conversations().stream().map(s -> repository.load(s.id())).toList();
    }
}
