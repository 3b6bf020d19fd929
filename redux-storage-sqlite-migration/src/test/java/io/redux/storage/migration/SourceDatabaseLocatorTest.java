package io.redux.storage.migration;

import io.redux.domain.error.HistoryDatabaseNotFoundException;
import io.redux.domain.port.MigrationProgress;
import io.redux.testkit.InMemoryConversationRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceDatabaseLocatorTest {

    @TempDir
    Path home;

    private Path touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "");
    }

    @Test
    void onLinuxXdgDataHomeComesFirstThenTheDefaultDataFolderThenKiro() {
        Path xdg = home.resolve("xdg");
        var locator = new SourceDatabaseLocator(Map.of("XDG_DATA_HOME", xdg.toString()), home, "Linux");

        assertThat(locator.candidates()).containsExactly(
                xdg.resolve("amazon-q/data.sqlite3"),
                home.resolve(".local/share/amazon-q/data.sqlite3"),
                xdg.resolve("kiro-cli/data.sqlite3"),
                home.resolve(".local/share/kiro-cli/data.sqlite3"));
    }

    @Test
    void aRelativeXdgDataHomeIsIgnoredAsTheSpecSays() {
        var locator = new SourceDatabaseLocator(Map.of("XDG_DATA_HOME", "relative/share"), home, "Linux");

        assertThat(locator.candidates()).containsExactly(
                home.resolve(".local/share/amazon-q/data.sqlite3"),
                home.resolve(".local/share/kiro-cli/data.sqlite3"));
    }

    @Test
    void onMacosApplicationSupportComesFirst() {
        var locator = new SourceDatabaseLocator(Map.of(), home, "Mac OS X");

        assertThat(locator.candidates().get(0)).isEqualTo(home.resolve("Library/Application Support/amazon-q/data.sqlite3"));
        assertThat(locator.candidates()).contains(home.resolve("Library/Application Support/kiro-cli/data.sqlite3"));
    }

    @Test
    void findsEveryExistingDatabaseAndTellsAmazonQFromKiro() throws IOException {
        Path amazonQ = touch(home.resolve(".local/share/amazon-q/data.sqlite3"));
        Path kiro = touch(home.resolve(".local/share/kiro-cli/data.sqlite3"));

        var found = new SourceDatabaseLocator(Map.of(), home, "Linux").findAll();

        assertThat(found).containsExactly(new SourceDatabase(amazonQ, "amazon-q"), new SourceDatabase(kiro, "kiro-cli"));
    }

    @Test
    void noDatabaseFoundByTheImportIsTheDomainErrorWithThePlacesItLooked() {
        var history = new SqliteHistoryImport(new InMemoryConversationRepository(), Clock.systemUTC(),
                new SourceDatabaseLocator(Map.of(), home, "Linux"), home.resolve("cache"));

        assertThatThrownBy(() -> history.importHistory(Optional.empty(), HistoryMigrationTest.TARGET, false,
                MigrationProgress.NONE))
                .isInstanceOfSatisfying(HistoryDatabaseNotFoundException.class, e -> assertThat(e.placesLookedAt())
                        .containsExactly(home.resolve(".local/share/amazon-q/data.sqlite3"),
                                home.resolve(".local/share/kiro-cli/data.sqlite3")));
    }

    @Test
    void noDatabaseIsAnErrorNamingEveryPlaceItLooked() {
        var locator = new SourceDatabaseLocator(Map.of("XDG_DATA_HOME", home.resolve("xdg").toString()), home, "Linux");

        assertThatThrownBy(locator::findAll)
                .isInstanceOf(HistoryDatabaseNotFoundException.class)
                .hasMessageContaining(home.resolve("xdg/amazon-q/data.sqlite3").toString())
                .hasMessageContaining(home.resolve(".local/share/amazon-q/data.sqlite3").toString())
                .hasMessageContaining(home.resolve("xdg/kiro-cli/data.sqlite3").toString())
                .hasMessageContaining(home.resolve(".local/share/kiro-cli/data.sqlite3").toString());
    }

    @Test
    void aFileUnderAKiroFolderIsKiros() {
        assertThat(SourceDatabase.sourceOf(Path.of("/x/kiro-cli/data.sqlite3"))).isEqualTo("kiro-cli");
        assertThat(SourceDatabase.sourceOf(Path.of("/x/amazon-q/data.sqlite3"))).isEqualTo("amazon-q");
        assertThat(SourceDatabase.sourceOf(Path.of("backup.sqlite3"))).isEqualTo("amazon-q");
    }
}
