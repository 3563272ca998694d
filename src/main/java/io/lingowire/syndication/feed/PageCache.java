package io.lingowire.syndication.feed;

import io.lingowire.event.EventSignal;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Rendered feed pages, so that partners polling the same page get the same bytes without a database round trip.
 * A page is valid while the event log has not changed since it was made (the {@link EventSignal} generation, which
 * also notices other replicas' events within a second) and for at most {@link #MAX_AGE_NANOS}, which bounds how long
 * a late commit behind a sequence gap stays unseen. One request makes a missing page; others asking for it meanwhile
 * wait for that one instead of all querying the database at once.
 */
@ApplicationScoped
public class PageCache {

    static final int MAX_PAGES = 5000;
    static final long MAX_AGE_NANOS = 5_000_000_000L;

    /**
     * A rendered page and what it was made from. {@code wire} holds the same bytes once more, read-only and off the
     * heap, so that every poll answered from the cache hands the socket the page itself instead of copying 40 KB.
     */
    public record Rendered(byte[] body, ByteBuffer wire, String etag, String next, long generation, long madeAt) {

        public Rendered(byte[] body, String etag, String next, long generation, long madeAt) {
            this(body, ByteBuffer.allocateDirect(body.length).put(body).flip().asReadOnlyBuffer(), etag, next,
                    generation, madeAt);
        }
    }

    private final ConcurrentHashMap<String, CompletableFuture<Rendered>> pages = new ConcurrentHashMap<>();
    private final EventSignal signal;

    PageCache(EventSignal signal) {
        this.signal = signal;
    }

    /**
     * The page for a key: a valid cached one, the one another request is making, or a new one made by {@code make}
     * on {@code worker}. Never blocks the caller, so it can be asked from the event loop.
     */
    public CompletableFuture<Rendered> get(String key, Supplier<Rendered> make, Executor worker) {
        while (true) {
            CompletableFuture<Rendered> known = pages.get(key);
            if (known != null) {
                if (!known.isDone()) {
                    return known;
                }
                if (valid(known)) {
                    return known;
                }
                pages.remove(key, known);
                continue;
            }
            if (pages.size() >= MAX_PAGES) {
                pages.clear();
            }
            CompletableFuture<Rendered> mine = new CompletableFuture<>();
            if (pages.putIfAbsent(key, mine) != null) {
                continue;
            }
            worker.execute(() -> {
                try {
                    mine.complete(make.get());
                } catch (RuntimeException e) {
                    pages.remove(key, mine);
                    mine.completeExceptionally(e);
                }
            });
            return mine;
        }
    }

    /** The page for a key if a valid one is made already; null otherwise (nothing is made). */
    public Rendered peek(String key) {
        CompletableFuture<Rendered> known = pages.get(key);
        return known != null && known.isDone() && valid(known) ? known.join() : null;
    }

    private boolean valid(CompletableFuture<Rendered> done) {
        Rendered page = done.isCompletedExceptionally() ? null : done.join();
        return page != null && page.generation() == signal.generation()
                && System.nanoTime() - page.madeAt() < MAX_AGE_NANOS;
    }
}
