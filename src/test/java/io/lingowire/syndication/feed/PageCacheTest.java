package io.lingowire.syndication.feed;

import io.lingowire.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rendered-page cache on its own: validity by generation and age, one make per page, failures not kept. */
class PageCacheTest {

    private final TestClock clock = TestClock.at("2026-11-29T01:00:00Z");
    private final AtomicLong generation = new AtomicLong(1);
    private final PageCache cache = new PageCache(generation::get, clock);
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final AtomicInteger made = new AtomicInteger();

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    private Supplier<PageCache.Rendered> maker(String text) {
        return () -> {
            made.incrementAndGet();
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            return new PageCache.Rendered(body, "\"" + text + "\"", null, generation.get());
        };
    }

    private PageCache.Rendered get(String key, Supplier<PageCache.Rendered> make) throws Exception {
        return cache.get(key, make, worker).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aPageIsMadeOnceAndServedUntilItIsFiveSecondsOld() throws Exception {
        assertNull(cache.peek("p"), "nothing made yet");
        PageCache.Rendered first = get("p", maker("one"));
        assertSame(first, get("p", maker("two")));
        assertSame(first, cache.peek("p"));
        assertEquals(1, made.get());
        clock.advance(PageCache.MAX_AGE.minusMillis(1));
        assertSame(first, cache.peek("p"), "still young enough");
        clock.advance(Duration.ofMillis(1));
        assertNull(cache.peek("p"), "too old: a late commit behind a gap may be missing from it");
        assertEquals("two", new String(get("p", maker("two")).body(), StandardCharsets.UTF_8));
        assertEquals(2, made.get());
    }

    @Test
    void aChangeInTheEventLogInvalidatesEveryPage() throws Exception {
        get("p", maker("one"));
        generation.incrementAndGet();
        assertNull(cache.peek("p"), "made before the change");
        PageCache.Rendered again = get("p", maker("two"));
        assertEquals("two", new String(again.body(), StandardCharsets.UTF_8));
        assertEquals(generation.get(), again.generation());
        assertSame(again, cache.peek("p"));
    }

    @Test
    void requestsForAPageBeingMadeWaitForThatOne() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        Supplier<PageCache.Rendered> slow = () -> {
            release.join();
            return maker("slow").get();
        };
        List<CompletableFuture<PageCache.Rendered>> asked = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            asked.add(cache.get("p", slow, worker));
        }
        assertNull(cache.peek("p"), "not made yet: peek neither waits nor makes");
        assertFalse(asked.get(4).isDone());
        release.complete(null);
        for (CompletableFuture<PageCache.Rendered> answer : asked) {
            assertSame(asked.get(0).get(10, TimeUnit.SECONDS), answer.get(10, TimeUnit.SECONDS));
        }
        assertEquals(1, made.get(), "one query for five requests");
    }

    @Test
    void aFailureReachesItsCallersAndIsNotKept() throws Exception {
        IllegalArgumentException bad = new IllegalArgumentException("bad cursor");
        CompletableFuture<PageCache.Rendered> failed = cache.get("p", () -> {
            throw bad;
        }, worker);
        Exception e = assertThrows(Exception.class, () -> failed.get(10, TimeUnit.SECONDS));
        assertSame(bad, e.getCause(), "the maker's own exception, not wrapped once more");
        assertTrue(failed.isCompletedExceptionally());
        CompletionException joined = assertThrows(CompletionException.class, failed::join);
        assertSame(bad, joined.getCause());
        assertNull(cache.peek("p"));
        assertEquals("one", new String(get("p", maker("one")).body(), StandardCharsets.UTF_8), "asked again");
    }

    @Test
    void itKeepsAtMostItsBound() throws Exception {
        for (int i = 0; i < PageCache.MAX_PAGES + 500; i++) {
            get("p" + i, maker("page " + i));
        }
        assertEquals(PageCache.MAX_PAGES, cache.size());
        long kept = java.util.stream.IntStream.range(0, PageCache.MAX_PAGES + 500)
                .filter(i -> cache.peek("p" + i) != null).count();
        assertEquals(PageCache.MAX_PAGES, kept, "not cleared when full: only the pages over the bound went");
    }
}
