package io.lingowire.translation.provider;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lingowire.common.Clocks;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * The pairs a remote provider reports, asked again after a TTL. Until the provider first answers it has none; a
 * failed refresh keeps the last answer, so a short outage does not empty the chain (and the provider is asked again
 * on the next call). Callers that find the answer out of date at the same moment wait for one request to the
 * provider instead of each sending their own.
 */
public final class PairsCache {

    /** Asks the provider for its pairs. */
    @FunctionalInterface
    public interface Loader {
        Set<LanguagePair> load() throws ProviderException;
    }

    /** The one key: the cache holds the current answer, within its TTL. */
    private static final String PAIRS = "pairs";

    private final Cache<String, Set<LanguagePair>> current;
    /** The last answer the provider gave, however old: what is reported while it cannot be asked. */
    private volatile Set<LanguagePair> last;

    /** @param clock what the TTL is measured by (the produced {@link Clock}) */
    public PairsCache(Duration ttl, Clock clock) {
        this.current = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(ttl).ticker(Clocks.ticker(clock))
                .build();
    }

    public Set<LanguagePair> get(Loader loader) {
        Set<LanguagePair> pairs = current.get(PAIRS, k -> {
            try {
                Set<LanguagePair> answer = Set.copyOf(loader.load());
                last = answer;
                return answer;
            } catch (ProviderException e) {
                return null; // not remembered: asked again next time
            }
        });
        if (pairs != null) {
            return pairs;
        }
        Set<LanguagePair> known = last;
        return known == null ? Set.of() : known;
    }
}
