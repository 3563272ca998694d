package io.lingowire.common;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplicaCacheTest {

    @Test
    void aFreshValueIsReadOnceAndAnswersFromMemoryUntilItsTrustRunsOut() throws Exception {
        ReplicaCache<String> cache = new ReplicaCache<>(Duration.ofMillis(300), 100);
        AtomicInteger loads = new AtomicInteger();
        assertEquals(Optional.empty(), cache.fresh("k"), "nothing known before the first load");
        assertEquals("v1", cache.get("k", () -> "v" + loads.incrementAndGet(), false));
        assertEquals("v1", cache.get("k", () -> "v" + loads.incrementAndGet(), false));
        assertEquals(Optional.of("v1"), cache.fresh("k"));
        assertEquals(1, loads.get());
        Thread.sleep(400);
        assertEquals(Optional.empty(), cache.fresh("k"), "a stale value is not trusted");
        assertEquals("v2", cache.get("k", () -> "v" + loads.incrementAndGet(), false));
        cache.clear();
        assertEquals(Optional.empty(), cache.fresh("k"), "cleared by a change made through this replica");
    }

    @Test
    void noneIsRememberedOnlyWhenAskedAndNeverCountsAsKnown() {
        ReplicaCache<String> cache = new ReplicaCache<>(Duration.ofMinutes(1), 100);
        AtomicInteger loads = new AtomicInteger();
        assertNull(cache.get("bad", () -> { loads.incrementAndGet(); return null; }, true));
        assertNull(cache.get("bad", () -> { loads.incrementAndGet(); return null; }, true));
        assertEquals(1, loads.get(), "a remembered 'none' costs one load per trust period");
        assertEquals(Optional.empty(), cache.fresh("bad"), "'none' sends the caller to the database, not through");
        assertNull(cache.get("gone", () -> { loads.incrementAndGet(); return null; }, false));
        assertNull(cache.get("gone", () -> { loads.incrementAndGet(); return null; }, false));
        assertEquals(3, loads.get(), "not remembered: loaded each time");
    }

    @Test
    void aFloodOfMadeUpKeysDoesNotGrowItPastItsBound() {
        ReplicaCache<String> cache = new ReplicaCache<>(Duration.ofMinutes(1), 50);
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 10_000; i++) {
            cache.get("made-up-" + i, () -> null, true);
            assertTrue(cache.size() <= 50, "entries after " + (i + 1) + " keys: " + cache.size());
        }
        assertEquals("partner", cache.get("real", () -> { loads.incrementAndGet(); return "partner"; }, false));
        assertEquals("partner", cache.get("real", () -> { loads.incrementAndGet(); return "partner"; }, false));
        assertEquals(1, loads.get(), "still remembers what it is given after the flood");
    }
}
