package io.lingowire.translation.provider;

import io.lingowire.support.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A remote provider's pairs: asked once per TTL, and a failed refresh keeps the last answer. */
class PairsCacheTest {

    private static final Set<LanguagePair> EN_ES = Set.of(new LanguagePair("en", "es"));
    private static final Set<LanguagePair> EN_FR = Set.of(new LanguagePair("en", "fr"));

    private final TestClock clock = TestClock.at("2026-11-29T01:00:00Z");
    private final PairsCache cache = new PairsCache(Duration.ofMinutes(10), clock);
    private final AtomicInteger asked = new AtomicInteger();

    private PairsCache.Loader answering(Set<LanguagePair> pairs) {
        return () -> {
            asked.incrementAndGet();
            return pairs;
        };
    }

    private PairsCache.Loader failing() {
        return () -> {
            asked.incrementAndGet();
            throw new ProviderException(ProviderException.Kind.TRANSIENT, "down");
        };
    }

    @Test
    void theProviderIsAskedOncePerTtl() {
        assertEquals(EN_ES, cache.get(answering(EN_ES)));
        assertEquals(EN_ES, cache.get(answering(EN_FR)));
        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertEquals(EN_ES, cache.get(answering(EN_FR)), "within the TTL");
        assertEquals(1, asked.get());
        clock.advance(Duration.ofMillis(1));
        assertEquals(EN_FR, cache.get(answering(EN_FR)), "asked again once the TTL is over");
        assertEquals(2, asked.get());
    }

    @Test
    void noneUntilTheProviderFirstAnswersThenAFailedRefreshKeepsTheLastAnswer() {
        assertEquals(Set.of(), cache.get(failing()));
        assertEquals(Set.of(), cache.get(failing()));
        assertEquals(2, asked.get(), "a failure is not remembered: asked again at once");
        assertEquals(EN_ES, cache.get(answering(EN_ES)));
        clock.advance(Duration.ofHours(1));
        assertEquals(EN_ES, cache.get(failing()), "a short outage does not empty the chain");
        assertEquals(EN_ES, cache.get(failing()));
        assertEquals(5, asked.get(), "while it fails it is asked on every call");
        assertEquals(EN_FR, cache.get(answering(EN_FR)), "and its next answer counts");
    }
}
