package io.lingowire.translation.provider;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The pairs a remote provider reports, asked again after a TTL. Until the provider first answers it has none; a
 * failed refresh keeps the last answer, so a short outage does not empty the chain.
 */
public final class PairsCache {

    /** Asks the provider for its pairs. */
    @FunctionalInterface
    public interface Loader {
        Set<LanguagePair> load() throws ProviderException;
    }

    private final Duration ttl;
    private volatile Set<LanguagePair> pairs;
    private volatile Instant askedAt = Instant.EPOCH;

    public PairsCache(Duration ttl) {
        this.ttl = ttl;
    }

    public Set<LanguagePair> get(Loader loader) {
        if (pairs == null || askedAt.plus(ttl).isBefore(Instant.now())) {
            try {
                pairs = Set.copyOf(loader.load());
                askedAt = Instant.now();
            } catch (ProviderException e) {
                return pairs == null ? Set.of() : pairs;
            }
        }
        return pairs;
    }
}
