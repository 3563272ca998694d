package io.lingowire.syndication;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Partner-facing output: the public address links are built from, and the pull feed's limits. */
@ConfigMapping(prefix = "lingowire.syndication")
public interface SyndicationConfig {

    /** The address partners reach the gateway at; links in feeds and items are absolute URLs under it. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** Items per feed page when the partner does not say. */
    @WithDefault("20")
    int defaultLimit();

    /** The most items a feed page may hold ({@code limit} above it is refused). */
    @WithDefault("100")
    int maxLimit();

    /** The longest long-poll ({@code wait}) a partner may ask for. */
    @WithDefault("30s")
    Duration maxWait();
}
