package io.lingowire.common;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What this replica last read from the database, trusted for a while: changes made through this replica clear it at
 * once, changes made through another are seen within the trust period. Safe on the event loop (nothing here is
 * transactional or blocks). Bounded: keys come from requests, so unknown ones may be remembered too, and a flood of
 * made-up keys must not grow it without end; past the bound, stale entries go first, then everything.
 *
 * @param <V> what a key stands for; {@code null} is remembered as "no such thing" where {@link #get} is told to
 */
public final class ReplicaCache<V> {

    private record Known<V>(V value, long until) {
        boolean fresh(long now) {
            return until - now > 0;
        }
    }

    private final Map<String, Known<V>> entries = new ConcurrentHashMap<>();
    private final long trustNanos;
    private final int maxEntries;

    public ReplicaCache(Duration trust, int maxEntries) {
        this.trustNanos = trust.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The value of a key if it is remembered, fresh and not "no such thing"; empty means "ask the database". */
    public Optional<V> fresh(String key) {
        Known<V> known = entries.get(key);
        return known == null || known.value() == null || !known.fresh(System.nanoTime()) ? Optional.empty()
                : Optional.of(known.value());
    }

    /**
     * The value of a key from memory while fresh, else from {@code load}, remembered from now on; a {@code null} from
     * {@code load} is remembered only with {@code rememberNone}.
     */
    public V get(String key, Supplier<V> load, boolean rememberNone) {
        long now = System.nanoTime();
        Known<V> known = entries.get(key);
        if (known != null && known.fresh(now)) {
            return known.value();
        }
        V value = load.get();
        if (value != null || rememberNone) {
            if (entries.size() >= maxEntries) {
                entries.values().removeIf(k -> !k.fresh(now));
                if (entries.size() >= maxEntries) {
                    entries.clear();
                }
            }
            entries.put(key, new Known<>(value, now + trustNanos));
        }
        return value;
    }

    public void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
