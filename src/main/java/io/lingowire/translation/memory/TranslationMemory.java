package io.lingowire.translation.memory;

import io.lingowire.common.Hashing;
import io.lingowire.translation.provider.LanguagePair;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Segment-level translation memory. A machine entry's key covers everything that changes the output — normalised
 * source, language pair, provider and model, options, glossary version and placeholder scheme — so an exact hit
 * can stand in for a provider call. Approved entries (editors' post-edits) are keyed by source and pair alone and
 * win over any machine output.
 */
@ApplicationScoped
public class TranslationMemory {

    /** What identifies one machine translation of one segment. */
    public record Context(LanguagePair pair, String provider, String model, String options, int glossaryVersion,
                          int scheme) {
    }

    public static String normalise(String segment) {
        return Normalizer.normalize(segment, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
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

    /** The stored translations for the given keys; missing keys are absent from the map. */
    @Transactional
    public Map<String, String> lookup(Collection<String> keys) {
        Map<String, String> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        // key and text only: no entity to load, manage and check for changes at commit, no source text read
        for (Object[] row : MemoryEntry.getEntityManager().createQuery(
                        "SELECT m.keyHash, m.targetText FROM MemoryEntry m WHERE m.keyHash IN :keys", Object[].class)
                .setParameter("keys", List.copyOf(keys)).getResultList()) {
            found.put((String) row[0], (String) row[1]);
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

    private static void store(List<Entry> entries, LanguagePair pair, String provider, String model, boolean approved) {
        if (entries.isEmpty()) {
            return;
        }
        // the entries that exist already, in one query rather than one look-up per segment
        Map<String, MemoryEntry> existing = new HashMap<>();
        MemoryEntry.<MemoryEntry>list("keyHash in ?1", entries.stream().map(Entry::key).distinct().toList())
                .forEach(m -> existing.put(m.keyHash, m));
        for (Entry e : entries) {
            MemoryEntry entry = existing.get(e.key());
            boolean fresh = entry == null;
            if (fresh) {
                entry = new MemoryEntry();
                entry.keyHash = e.key();
                entry.createdAt = Instant.now();
            }
            entry.sourceLanguage = pair.source();
            entry.targetLanguage = pair.target();
            entry.provider = provider;
            entry.model = model;
            entry.approved = approved;
            entry.sourceText = normalise(e.source());
            entry.targetText = e.target();
            if (fresh) {
                entry.persist();
                existing.put(entry.keyHash, entry);
            }
        }
    }
}
