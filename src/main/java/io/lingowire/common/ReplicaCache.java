package io.lingowire.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What this replica last read from the database, trusted for a while: changes made through this replica clear it at
 * once, changes made through another are seen within the trust period. Bounded: keys come from requests, so unknown
 * ones may be remembered too, and a flood of made-up keys must not grow it without end; past the bound, the entries
 * least likely to be asked again go first (Caffeine's size eviction), so a flood does not push out what is in use.
 * {@link #fresh} never blocks and is safe on the event loop; {@link #get} loads a key once however many threads ask
 * for it at the same moment, so it may wait for another thread's load of the same key.
 *
 * @param <V> what a key stands for; {@code null} is remembered as "no such thing" where {@link #get} is told to
 */
public final class ReplicaCache<V> {

    /** A value as read, {@code null} standing for "no such thing" (Caffeine keeps no nulls). */
    private record Known<V>(V value) {
    }

    private final Cache<String, Known<V>> entries;

    /**
     * @param trust how long a value read is trusted (from when it was read)
     * @param clock what "how long" is measured by (the produced {@link Clock}; a test's moves it by hand)
     */
    public ReplicaCache(Duration trust, int maxEntries, Clock clock) {
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(trust)
                .ticker(Clocks.ticker(clock)).build();
    }

    /** The value of a key if it is remembered, fresh and not "no such thing"; empty means "ask the database". */
    public Optional<V> fresh(String key) {
        Known<V> known = entries.getIfPresent(key);
        return known == null ? Optional.empty() : Optional.ofNullable(known.value());
    }

    /**
     * The value of a key from memory while fresh, else from {@code load}, remembered from now on; a {@code null} from
     * {@code load} is remembered only with {@code rememberNone}.
     */
    public V get(String key, Supplier<V> load, boolean rememberNone) {
        Known<V> known = entries.get(key, k -> {
            V value = load.get();
            return value != null || rememberNone ? new Known<>(value) : null;
        });
        return known == null ? null : known.value();
    }

    public void clear() {
        entries.invalidateAll();
    }

    /** How many entries it holds now, after any pending eviction. */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
