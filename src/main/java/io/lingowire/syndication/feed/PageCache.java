package io.lingowire.syndication.feed;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lingowire.common.Clocks;
import io.lingowire.event.EventSignal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Rendered feed pages, so that partners polling the same page get the same bytes without a database round trip.
 * A page is valid while the event log has not changed since it was made (the {@link EventSignal} generation, which
 * also notices other replicas' events within a second) and for at most {@link #MAX_AGE} after it was made, which
 * bounds how long a late commit behind a sequence gap stays unseen. One request makes a missing page; others asking
 * for it meanwhile wait for that one instead of all querying the database at once. At most {@link #MAX_PAGES} are
 * kept; past that the least used go first.
 */
@ApplicationScoped
public class PageCache {

    static final int MAX_PAGES = 5000;
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    /**
     * A rendered page and what it was made from. {@code wire} holds the same bytes once more, read-only and off the
     * heap, so that every poll answered from the cache hands the socket the page itself instead of copying 40 KB.
     */
    public record Rendered(byte[] body, ByteBuffer wire, String etag, String next, long generation) {

        public Rendered(byte[] body, String etag, String next, long generation) {
            this(body, ByteBuffer.allocateDirect(body.length).put(body).flip().asReadOnlyBuffer(), etag, next,
                    generation);
        }
    }

    /**
     * What making a page came to. A failure is handed to the requests that waited for it and then dropped; it is kept
     * apart from the future so that the cache neither keeps it nor logs it as a failed load (a bad cursor is the
     * partner's mistake, answered with a problem document, not the gateway's).
     */
    private record Made(Rendered page, RuntimeException failure) {
    }

    private final AsyncCache<String, Made> pages;
    private final LongSupplier generation;

    @Inject
    PageCache(EventSignal signal, Clock clock) {
        this(signal::generation, clock);
    }

    /** @param generation the event log's generation now ({@link EventSignal#generation()}) */
    PageCache(LongSupplier generation, Clock clock) {
        this.generation = generation;
        this.pages = Caffeine.newBuilder().maximumSize(MAX_PAGES).expireAfterWrite(MAX_AGE)
                .ticker(Clocks.ticker(clock)).buildAsync();
    }

    /**
     * The page for a key: a valid cached one, the one another request is making, or a new one made by {@code make}
     * on {@code worker}. Never blocks the caller, so it can be asked from the event loop.
     */
    public CompletableFuture<Rendered> get(String key, Supplier<Rendered> make, Executor worker) {
        CompletableFuture<Made> known = pages.getIfPresent(key);
        if (known != null && known.isDone() && !valid(known.join())) {
            pages.asMap().remove(key, known);
        }
        CompletableFuture<Made> shared = pages.get(key, (k, ignored) -> {
            CompletableFuture<Made> mine = new CompletableFuture<>();
            worker.execute(() -> {
                Made made;
                try {
                    made = new Made(make.get(), null);
                } catch (RuntimeException e) {
                    made = new Made(null, e);
                }
                mine.complete(made);
                if (made.failure() != null) {
                    pages.asMap().remove(k, mine);
                }
            });
            return mine;
        });
        CompletableFuture<Rendered> answer = new CompletableFuture<>();
        shared.whenComplete((made, error) -> {
            if (error != null) {
                answer.completeExceptionally(error);
            } else if (made.failure() != null) {
                answer.completeExceptionally(made.failure());
            } else {
                answer.complete(made.page());
            }
        });
        return answer;
    }

    /** The page for a key if a valid one is made already; null otherwise (nothing is made). */
    public Rendered peek(String key) {
        CompletableFuture<Made> known = pages.getIfPresent(key);
        return known != null && known.isDone() && valid(known.join()) ? known.join().page() : null;
    }

    /** How many pages (made or being made) it holds now, after any pending eviction. */
    long size() {
        pages.synchronous().cleanUp();
        return pages.synchronous().estimatedSize();
    }

    private boolean valid(Made made) {
        return made.failure() == null && made.page().generation() == generation.getAsLong();
    }
}
