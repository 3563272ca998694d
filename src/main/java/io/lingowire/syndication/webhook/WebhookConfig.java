package io.lingowire.syndication.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Outbound webhooks (Standard Webhooks v1), e.g.
 * {@code lingowire.webhooks.secret-key=<base64 of 32 random bytes>}.
 */
@ConfigMapping(prefix = "lingowire.webhooks")
public interface WebhookConfig {

    /**
     * AES key (base64 of 16, 24 or 32 random bytes, e.g. {@code openssl rand -base64 32}) that encrypts the
     * endpoints' signing secrets at rest. Required with a production database (without it the secrets could not be
     * read after a restart); on the embedded H2 database a key is made once and kept beside it in the data folder.
     */
    Optional<String> secretKey();

    /**
     * Host names or CIDR ranges that endpoints may use although they resolve to loopback, private, link-local or
     * otherwise internal addresses (refused by default).
     */
    Optional<List<String>> allowedHosts();

    /**
     * Delay before each attempt of a delivery; its length is the number of attempts. The default is the Standard
     * Webhooks schedule (about 80 h in all); each delay gets up to 20 % jitter either way.
     */
    @WithDefault("0s,5s,5m,30m,2h,5h,10h,14h,20h,24h")
    List<Duration> retrySchedule();

    /**
     * After a secret rotation, how long the previous secret keeps signing beside the new one (each message then carries
     * two signatures, and a receiver that checks either accepts it).
     */
    @WithDefault("24h")
    Duration secretOverlap();

    /** Time allowed to connect and to get the answer's status line, per attempt. */
    @WithDefault("15s")
    Duration timeout();

    /** Deliveries this replica makes at the same time (its own pool: slow endpoints do not hold up other jobs). */
    @WithDefault("8")
    int concurrency();

    /** How often the dispatcher turns new events into deliveries (the scheduler's {@code every}). */
    @WithDefault("1s")
    String tick();

    /** Events turned into deliveries per transaction. */
    @WithDefault("200")
    int batchSize();

    /**
     * How long the dispatcher waits for a missing sequence number (an event whose transaction is still open)
     * before it moves past it as a rolled-back one.
     */
    @WithDefault("30s")
    Duration gapWait();
}
