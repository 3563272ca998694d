package io.lingowire.translation.memory;

import io.agroal.api.AgroalDataSource;
import io.lingowire.common.Hashing;
import io.lingowire.translation.provider.LanguagePair;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Segment-level translation memory. A machine entry's key covers everything that changes the output — normalised
 * source, language pair, provider and model, options, glossary version and placeholder scheme — so an exact hit
 * can stand in for a provider call. Approved entries (editors' post-edits) are keyed by source and pair alone and
 * win over any machine output. Table {@code translation_memory}: one row per key, with the pair, the provider (or
 * "editor") and model, the normalised source and the output, whether it is approved, and when it was first stored.
 */
@ApplicationScoped
public class TranslationMemory {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** What identifies one machine translation of one segment. */
    public record Context(LanguagePair pair, String provider, String model, String options, int glossaryVersion,
                          int scheme) {
    }

    public static String normalise(String segment) {
        return WHITESPACE.matcher(Normalizer.normalize(segment, Normalizer.Form.NFC)).replaceAll(" ").strip();
    }

    public static String machineKey(String segment, Context c) {
        return Hashing.sha256Hex(String.join("\u0000", "mt", normalise(segment), c.pair().source(),
                c.pair().target(), c.provider(), c.model(), c.options(), String.valueOf(c.glossaryVersion()),
                String.valueOf(c.scheme())));
    }

    public static String approvedKey(String segment, LanguagePair pair, int scheme) {
        return Hashing.sha256Hex(String.join("\u0000", "approved", normalise(segment), pair.source(), pair.target(),
                String.valueOf(scheme)));
    }

    /** Keys per look-up statement: an article of a thousand sentences asks for two thousand. */
    private static final int KEYS_PER_QUERY = 500;

    private static final String COLUMNS = "key_hash, source_language, target_language, provider, model, source_text, "
            + "target_text, approved, created_at";

    /**
     * Insert or replace: MySQL and MariaDB take this form, and so does H2 in MySQL mode. A key written by another
     * worker since the look-up is replaced, not a failed insert that would roll back the result with it.
     */
    private static final String UPSERT = "INSERT INTO translation_memory (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON DUPLICATE KEY UPDATE source_language = VALUES(source_language), target_language = "
            + "VALUES(target_language), provider = VALUES(provider), model = VALUES(model), source_text = "
            + "VALUES(source_text), target_text = VALUES(target_text), approved = VALUES(approved)";

    private final AgroalDataSource dataSource;

    TranslationMemory(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The stored translations for the given keys; missing keys are absent from the map. Every translation asks this
     * for all its sentences, and a new article misses on every one: the memory is read and written in plain SQL on
     * the transaction's connection (or a connection of its own outside one), with no entities to build, manage and
     * check for changes, and no query to re-render for each number of keys.
     */
    public Map<String, String> lookup(Collection<String> keys) {
        Map<String, String> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<String> all = List.copyOf(new LinkedHashSet<>(keys));
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
                List<String> some = all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY));
                // markers in steps of about half again (8, 16, 24, 32, 48, 72, 104, …, 500; the last key repeated):
                // eleven statement texts in all, so that a database that keeps parsed statements finds this one
                // parsed, for some repeated index look-ups (from 25 keys on, fewer than half as many again)
                int markers = 8;
                while (markers < some.size()) {
                    markers = Math.min(KEYS_PER_QUERY, markers + Math.max(8, markers / 16 * 8));
                }
                try (PreparedStatement s = c.prepareStatement("SELECT key_hash, target_text FROM translation_memory "
                        + "WHERE key_hash IN (" + "?, ".repeat(markers - 1) + "?)")) {
                    for (int i = 0; i < markers; i++) {
                        s.setString(i + 1, some.get(Math.min(i, some.size() - 1)));
                    }
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            found.put(r.getString(1), r.getString(2));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("Translation memory look-up failed: " + e.getMessage(), e);
        }
        return found;
    }

    /** One new memory entry: the protected source segment and the engine's output for it. */
    public record Entry(String key, String source, String target) {
    }

    /** Stores machine output for a batch of segments in one transaction. */
    @Transactional
    public void storeMachine(List<Entry> entries, Context c) {
        store(entries, c.pair(), c.provider(), c.model(), false);
    }

    /** Stores editors' translations (keys from {@link #approvedKey}); they win over machine output from now on. */
    @Transactional
    public void storeApproved(List<Entry> entries, LanguagePair pair, String editor) {
        store(entries, pair, "editor", editor, true);
    }

    /** Inserts each entry, or replaces the one stored under its key (keeping when it was first stored). */
    private void store(List<Entry> entries, LanguagePair pair, String provider, String model, boolean approved) {
        if (entries.isEmpty()) {
            return;
        }
        // the last entry of a key wins, as it would if they were stored one after the other
        Map<String, Entry> byKey = new LinkedHashMap<>();
        entries.forEach(e -> byKey.put(e.key(), e));
        LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC); // stored in UTC, as Hibernate does
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(UPSERT)) {
            for (Entry e : byKey.values()) {
                s.setString(1, e.key());
                s.setString(2, pair.source());
                s.setString(3, pair.target());
                s.setString(4, provider);
                s.setString(5, model);
                s.setString(6, normalise(e.source()));
                s.setString(7, e.target());
                s.setBoolean(8, approved);
                s.setObject(9, now);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("Translation memory not stored: " + e.getMessage(), e);
        }
    }
}
