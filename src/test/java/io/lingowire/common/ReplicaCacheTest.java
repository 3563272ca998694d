package io.lingowire.common;

import io.lingowire.support.TestClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplicaCacheTest {

    private final TestClock clock = TestClock.at("2026-11-29T01:00:00Z");

    @Test
    void aFreshValueIsReadOnceAndAnswersFromMemoryUntilItsTrustRunsOut() {
        ReplicaCache<String> cache = new ReplicaCache<>(Duration.ofMillis(300), 100, clock);
        AtomicInteger loads = new AtomicInteger();
        assertEquals(Optional.empty(), cache.fresh("k"), "nothing known before the first load");
        assertEquals("v1", cache.get("k", () -> "v" + loads.incrementAndGet(), false));
        assertEquals("v1", cache.get("k", () -> "v" + loads.incrementAndGet(), false));
        assertEquals(Optional.of("v1"), cache.fresh("k"));
        assertEquals(1, loads.get());
        clock.advance(Duration.ofMillis(299));
        assertEquals(Optional.of("v1"), cache.fresh("k"), "trusted until its time is up");
        clock.advance(Duration.ofMillis(1));
        assertEquals(Optional.empty(), cache.fresh("k"), "a stale value is not trusted");
        assertEquals("v2", cache.get("k", () -> "v" + loads.incrementAndGet(), false));
        cache.clear();
        assertEquals(Optional.empty(), cache.fresh("k"), "cleared by a change made through this replica");
    }

    @Test
    void noneIsRememberedOnlyWhenAskedAndNeverCountsAsKnown() {
        ReplicaCache<String> cache = new ReplicaCache<>(Duration.ofMinutes(1), 100, clock);
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
        ReplicaCache<String> cache = new ReplicaCache<>(Duration.ofMinutes(1), 50, clock);
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 10_000; i++) {
            cache.get("made-up-" + i, () -> null, true);
            assertTrue(cache.size() <= 50, "entries after " + (i + 1) + " keys: " + cache.size());
        }
        assertEquals("partner", cache.get("real", () -> { loads.incrementAndGet(); return "partner"; }, false));
        assertEquals("partner", cache.get("real", () -> { loads.incrementAndGet(); return "partner"; }, false));
        assertEquals(1, loads.get(), "still remembers what it is given after the flood");
    }

    @Test
    void manyThreadsAskingForOneKeyAtOnceLoadItOnce() throws Exception {
        ReplicaCache<String> cache = new ReplicaCache<>(Duration.ofMinutes(1), 100, clock);
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r);
            started.add(t);
            return t;
        });
        try {
            Future<String> first = threads.submit(() -> cache.get("k", () -> {
                loads.incrementAndGet();
                loading.countDown();
                await(release);
                return "v";
            }, false));
            assertTrue(loading.await(10, TimeUnit.SECONDS), "the first load began");
            List<Future<String>> others = List.of(
                    threads.submit(() -> cache.get("k", () -> "v" + loads.incrementAndGet(), false)),
                    threads.submit(() -> cache.get("k", () -> "v" + loads.incrementAndGet(), false)),
                    threads.submit(() -> cache.get("k", () -> "v" + loads.incrementAndGet(), false)));
            // the three are held up by the load under way, not served after it
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> started.size() == 4 && started.stream()
                    .skip(1).allMatch(t -> t.getState() == Thread.State.BLOCKED || t.getState() == Thread.State.WAITING));
            assertEquals(1, loads.get(), "nobody else loaded meanwhile");
            release.countDown();
            assertEquals("v", first.get(10, TimeUnit.SECONDS));
            for (Future<String> other : others) {
                assertEquals("v", other.get(10, TimeUnit.SECONDS), "the value the one load read");
            }
            assertEquals(1, loads.get(), "one load for all four");
        } finally {
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
