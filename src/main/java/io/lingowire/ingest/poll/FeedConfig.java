package io.lingowire.ingest.poll;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RSS/Atom sources polled on a schedule, e.g.
 * {@code lingowire.feeds.sources.khaama.url=https://www.khaama.com/feed/}.
 */
@ConfigMapping(prefix = "lingowire.feeds")
public interface FeedConfig {

    /** The feeds to poll, by source name (the name becomes the articles' {@code source.name}). */
    Map<String, Source> sources();

    /**
     * Hosts the poller may fetch from, redirects included. The hosts of the configured source URLs are always
     * allowed; anything else (a redirect to an internal address, say) is refused.
     */
    Optional<List<String>> allowedHosts();

    /** Time allowed for one fetch. */
    @WithDefault("20s")
    Duration timeout();

    /** Largest feed document fetched. */
    @WithDefault("10M")
    MemorySize maxBytes();

    /** Longest wait between polls of a failing feed (the interval doubles on each failure up to this). */
    @WithDefault("1h")
    Duration maxBackoff();

    /** How often each replica checks for feeds that are due (the scheduler's {@code every}). */
    @WithDefault("15s")
    String tick();

    /** Delay before the first check after start-up. */
    @WithDefault("10s")
    String firstTickDelay();

    interface Source {
        /** The feed URL (http or https). */
        String url();

        /** Time between polls. */
        @WithDefault("5m")
        Duration interval();

        /** The language of the feed's items, when the feed does not say. */
        Optional<String> language();

        /** The wire products the feed's items belong to (partners may be entitled to some products only). */
        Optional<List<String>> products();

        /** Set to false to keep the source configured but not polled. */
        @WithDefault("true")
        boolean enabled();
    }
}
