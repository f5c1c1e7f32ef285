package io.linernotes.song;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.bench.SyntheticCorpus;
import io.linernotes.core.Scope;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.EssayStore;
import io.linernotes.essay.SqlEssayStore;
import io.linernotes.store.Database;
import io.linernotes.store.Migrations;
import io.linernotes.store.StoreEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The catalogue's data derived from essay openings, as the store keeps it: after any write it equals what the
 * catalogue derives and counts from the essays themselves (read through a second opening of the store, as another
 * process would), a store without it (an upgrade) or derived by another version is derived once, and never again.
 */
@DisplayName("The store keeps the catalogue's opening data in step with the essays, on both engines")
class StoredOpeningsTest {

    private static final Scope ONE = Scope.guild("111");
    private static final Scope TWO = Scope.guild("222");

    @TempDir
    Path dir;

    private static EssayDraft draft(SyntheticCorpus.Record r, String body) {
        return new EssayDraft(r.title(), r.artist(), r.featured(), r.year(), null, null, null, body);
    }

    /** An opening that gives the song another title, so a change of it changes what the catalogue learns. */
    private static String withAlias(SyntheticCorpus.Record r, String alias) {
        return "\"" + r.title() + "\" (also released as \"" + alias + "\") is a song by " + r.artist()
                + ", written with Odalys Quenby. " + r.text();
    }

    /**
     * What the catalogue itself derives from the live essays' bodies and counts from them, compared with what the
     * store gives: each opening, and the counts of every word.
     */
    private static void assertInStep(EssayStore writer, EssayStore reader, String when) {
        List<Essay> live = writer.all();
        List<EssayStore.Opening> stored = reader.openings();
        assertEquals(live.size(), stored.size(), when + ": one opening per live essay");
        List<SongCatalog.Entry> fromBodies = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            Essay essay = live.get(i);
            EssayStore.Opening opening = stored.get(i);
            OpeningFacts derived = OpeningFacts.of(OpeningFacts.lead(essay.body()));
            assertEquals(essay.id(), opening.essayId(), when);
            assertEquals(essay.song().id(), opening.song().id(), when + ": the song of essay " + essay.id());
            assertEquals(essay.scope(), opening.scope(), when);
            assertEquals(derived, opening.opening(), when + ": the opening of essay " + essay.id());
            fromBodies.add(new SongCatalog.Entry(essay.song(), Set.of(essay.scope()), derived));
        }
        Map<String, Integer> counted = SongCatalog.of(fromBodies).openingWordCounts();
        assertEquals(counted, reader.openingWordsAbove(0).orElseThrow(), when + ": the openings' word counts");
        int limit = 2;
        Map<String, Integer> above = reader.openingWordsAbove(limit).orElseThrow();
        counted.values().removeIf(n -> n <= limit);
        assertEquals(counted, above, when + ": the counts above a limit");
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    @DisplayName("adds, imports, edits that change an opening or move an essay to another song, removals, restores,"
            + " and a shared import adopting servers' songs all leave the data as the catalogue would derive it")
    void followsEveryWrite(StoreEngine engine) {
        var config = engine.freshConfig(dir);
        List<SyntheticCorpus.Record> records = new SyntheticCorpus(7).generate(60);
        Random random = new Random(7);
        try (Database a = Database.open(config, dir, name -> null); Database b = Database.open(config, dir, name -> null);
                SqlEssayStore writer = SqlEssayStore.on(a); SqlEssayStore reader = SqlEssayStore.on(b)) {
            assertEquals(0, writer.refreshOpenings(), "a new store has nothing to derive (an engine's start)");
            List<EssayDraft> shared = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                shared.add(draft(records.get(i), i % 4 == 0 ? withAlias(records.get(i), "Lantern " + i) : records.get(i).text()));
            }
            writer.addAll(shared, Scope.GLOBAL);
            assertInStep(writer, reader, "after an import");

            List<Essay> essays = new ArrayList<>();
            for (int i = 30; i < 40; i++) { // servers' own songs
                essays.add(writer.add(draft(records.get(i), records.get(i).text()), i % 2 == 0 ? ONE : TWO).essay());
            }
            for (int i = 0; i < 10; i++) { // second essays: on shared songs, of the shared catalogue and of servers
                SyntheticCorpus.Record r = records.get(i);
                Scope scope = i % 3 == 0 ? Scope.GLOBAL : i % 3 == 1 ? ONE : TWO;
                essays.add(writer.add(draft(r, withAlias(r, "Second Name " + i)), scope).essay());
            }
            writer.add(draft(records.get(1), records.get(50).text()), ONE); // a third, of one server
            assertInStep(writer, reader, "after adds");

            for (int step = 0; step < 12; step++) {
                Essay e = essays.get(random.nextInt(essays.size()));
                if (writer.get(e.id()).isEmpty()) {
                    continue;
                }
                SyntheticCorpus.Record other = records.get(40 + random.nextInt(20));
                EssayDraft edit = step % 3 == 0
                        // another title: the essay moves to another song
                        ? new EssayDraft(other.title(), other.artist(), List.of(), null, null, null, null, e.body())
                        : new EssayDraft(e.song().title(), e.song().artist(), e.song().featured(), null, null, null, null,
                                withAlias(other, "Edited Name " + step));
                writer.update(e.id(), edit, e.scope()).orElseThrow();
            }
            assertInStep(writer, reader, "after edits");

            for (int i = 0; i < 6; i++) {
                Essay e = essays.get(i * 3);
                assertTrue(writer.remove(e.id(), e.scope()));
            }
            assertInStep(writer, reader, "after removals");
            writer.restore(essays.get(0).id(), 1, essays.get(0).scope()).orElseThrow();
            writer.restore(essays.get(3).id(), 1, essays.get(3).scope()).orElseThrow();
            assertInStep(writer, reader, "after restores");

            // A shared import of songs two servers had their own rows of: their essays move to the shared songs.
            writer.addAll(List.of(draft(records.get(31), withAlias(records.get(31), "Adopted Name")),
                    draft(records.get(32), records.get(32).text())), Scope.GLOBAL);
            assertInStep(writer, reader, "after a shared import adopting servers' songs");
            assertEquals(0, reader.refreshOpenings(), "a store kept in step is never derived again");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    @DisplayName("a store without the derived data (as upgraded from version 11) is read correctly, derived once at"
            + " the refresh, and not again")
    void storeWithoutTheDataIsDerivedOnce(StoreEngine engine) {
        var config = engine.freshConfig(dir);
        List<SyntheticCorpus.Record> records = new SyntheticCorpus(9).generate(25);
        try (Database db = Database.open(config, dir, name -> null); SqlEssayStore store = SqlEssayStore.on(db)) {
            for (int i = 0; i < records.size(); i++) {
                SyntheticCorpus.Record r = records.get(i);
                store.add(draft(r, i % 3 == 0 ? withAlias(r, "Old Name " + i) : r.text()), i % 5 == 0 ? ONE : Scope.GLOBAL);
            }
            db.write("forget the derived data", tx -> {
                try (Statement s = tx.connection().createStatement()) {
                    s.executeUpdate("DELETE FROM essay_openings");
                    s.executeUpdate("DELETE FROM song_opening_words");
                    s.executeUpdate("DELETE FROM opening_word_counts");
                    s.executeUpdate("DELETE FROM meta WHERE key = 'opening_facts_version'");
                }
                return null;
            });
            assertTrue(store.openingWordsAbove(0).isEmpty(), "no counts to trust: the catalogue counts itself");
            assertEquals(25, store.openings().size(), "openings derived as they are read meanwhile");
            assertEquals(25, store.refreshOpenings(), "every live essay derived once");
            assertEquals(0, store.refreshOpenings(), "and not again");
            assertInStep(store, store, "after the refresh");
        }
    }

    @Test
    @DisplayName("a SQLite store written at schema version 11 gains the tables, and its essays' data is derived once")
    void upgradesFromVersionEleven() throws Exception {
        Path file = dir.resolve("v11.db");
        Migrations.migrateSqliteTo(file, 11);
        List<SyntheticCorpus.Record> records = new SyntheticCorpus(11).generate(12);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            for (int i = 0; i < records.size(); i++) {
                SyntheticCorpus.Record r = records.get(i);
                String body = i % 2 == 0 ? withAlias(r, "Version Eleven " + i) : r.text();
                try (PreparedStatement song = connection.prepareStatement("INSERT INTO songs (id, title, artist, featured,"
                        + " song_key, owner) VALUES (?, ?, ?, '[]', ?, 'global')");
                        PreparedStatement essay = connection.prepareStatement("INSERT INTO essays (id, song_id, scope, body,"
                                + " content_hash, created_at, updated_at, revision) VALUES (?, ?, 'global', ?, ?, 1, 1, 1)")) {
                    song.setInt(1, i + 1);
                    song.setString(2, r.title());
                    song.setString(3, r.artist());
                    song.setString(4, "key " + i);
                    song.executeUpdate();
                    essay.setInt(1, i + 1);
                    essay.setInt(2, i + 1);
                    essay.setString(3, body);
                    essay.setString(4, sha256(body));
                    essay.executeUpdate();
                }
            }
        }
        try (SqlEssayStore store = SqlEssayStore.open(file)) {
            assertEquals(Migrations.latestVersion(), store.database().schemaVersion());
            assertEquals(12, store.refreshOpenings());
            assertInStep(store, store, "after the upgrade");
        }
        try (SqlEssayStore again = SqlEssayStore.open(file)) {
            assertEquals(0, again.refreshOpenings(), "the next start reads the derived data only");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    @DisplayName("data derived by another version is derived again once; a row another release wrote meanwhile is"
            + " derived again as it is read")
    void anotherVersionIsDerivedAgain(StoreEngine engine) {
        var config = engine.freshConfig(dir);
        List<SyntheticCorpus.Record> records = new SyntheticCorpus(13).generate(20);
        try (Database db = Database.open(config, dir, name -> null); SqlEssayStore store = SqlEssayStore.on(db)) {
            List<Long> ids = new ArrayList<>();
            for (SyntheticCorpus.Record r : records) {
                ids.add(store.add(draft(r, withAlias(r, "Name of " + r.title())), Scope.GLOBAL).essay().id());
            }
            // As an older derivation would have left it, consistently: other words, other titles, other counts.
            db.write("an older derivation", tx -> {
                try (Statement s = tx.connection().createStatement()) {
                    s.executeUpdate("UPDATE essay_openings SET version = " + (OpeningFacts.VERSION - 1)
                            + ", words = 'older words', aliases = 'older'");
                    s.executeUpdate("UPDATE song_opening_words SET words = 'older words'");
                    s.executeUpdate("DELETE FROM opening_word_counts");
                    s.executeUpdate("INSERT INTO opening_word_counts (word, songs) SELECT 'older', COUNT(*) FROM song_opening_words");
                    s.executeUpdate("INSERT INTO opening_word_counts (word, songs) SELECT 'words', COUNT(*) FROM song_opening_words");
                    s.executeUpdate("UPDATE meta SET value = " + (OpeningFacts.VERSION - 1)
                            + " WHERE key = 'opening_facts_version'");
                }
                return null;
            });
            assertEquals(20, store.refreshOpenings(), "every essay derived again");
            assertEquals(0, store.refreshOpenings());
            assertInStep(store, store, "after a version change");

            db.write("a row of another release", tx -> {
                try (Statement s = tx.connection().createStatement()) {
                    s.executeUpdate("UPDATE essay_openings SET version = " + (OpeningFacts.VERSION + 7)
                            + ", words = 'newer', aliases = 'newer' WHERE essay_id = " + ids.get(4));
                }
                return null;
            });
            EssayStore.Opening read = store.openings().stream().filter(o -> o.essayId() == ids.get(4)).findFirst()
                    .orElseThrow();
            assertEquals(OpeningFacts.of(OpeningFacts.lead(store.get(ids.get(4)).orElseThrow().body())), read.opening());
        }
    }

    private static String sha256(String body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    }
}
