package io.lingowire.syndication.feed;

import io.lingowire.event.EventSignal;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rendered feed pages, so that partners polling the same page get the same bytes without a database round trip.
 * A page is valid while the event log has not changed since it was made (the {@link EventSignal} generation) and
 * for at most a second, which bounds what another replica's change can leave unseen.
 */
@ApplicationScoped
public class PageCache {

    static final int MAX_PAGES = 2000;
    static final long MAX_AGE_NANOS = 1_000_000_000L;

    /** A rendered page and what it was made from. */
    public record Rendered(byte[] body, String etag, String next, long generation, long madeAt) {
    }

    private final Map<String, Rendered> pages = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Rendered> eldest) {
            return size() > MAX_PAGES;
        }
    };

    private final EventSignal signal;

    PageCache(EventSignal signal) {
        this.signal = signal;
    }

    public synchronized Rendered get(String key) {
        Rendered page = pages.get(key);
        if (page == null) {
            return null;
        }
        if (page.generation() != signal.generation() || System.nanoTime() - page.madeAt() > MAX_AGE_NANOS) {
            pages.remove(key);
            return null;
        }
        return page;
    }

    public synchronized void put(String key, Rendered page) {
        pages.put(key, page);
    }
}
