package io.lingowire.syndication.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a delivery again: the configured schedule (Standard Webhooks: immediately, 5 s, 5 min, 30 min, 2 h,
 * 5 h, 10 h, 14 h, 20 h, 24 h) with up to 20 % jitter either way, so that failed deliveries do not all come back
 * at once; or, when a throttling receiver (429, 502, 503, 504) names one, its {@code Retry-After}, never earlier.
 */
@ApplicationScoped
public class RetryPolicy {

    /** A {@code Retry-After} longer than this is taken as this: a receiver cannot park a delivery for weeks. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);
    private static final List<Integer> THROTTLING = List.of(429, 502, 503, 504);

    private final List<Duration> schedule;

    RetryPolicy(WebhookConfig config) {
        if (config.retrySchedule().isEmpty()) {
            throw new IllegalStateException("lingowire.webhooks.retry-schedule needs at least one entry");
        }
        this.schedule = List.copyOf(config.retrySchedule());
    }

    /** Attempts a delivery gets in one round. */
    public int attempts() {
        return schedule.size();
    }

    /**
     * The delay from {@code now} before the next attempt after attempt {@code attempt} (1-based) failed with
     * {@code status} (0 when there was no answer). It ends on a whole second: MariaDB keeps the job's due time to
     * the second, and rounding down there must not bring an attempt before a receiver's {@code Retry-After}.
     */
    public Duration delay(int attempt, int status, String retryAfter, Instant now) {
        Duration wait;
        Optional<Duration> asked = THROTTLING.contains(status) ? retryAfter(retryAfter, now) : Optional.empty();
        if (asked.isPresent()) {
            wait = asked.get().compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked.get();
            wait = wait.plusMillis((long) (wait.toMillis() * 0.1 * random()));
        } else {
            Duration base = schedule.get(Math.min(Math.max(attempt, 0), schedule.size() - 1));
            wait = base.plusMillis((long) (base.toMillis() * 0.2 * (2 * random() - 1)));
        }
        Instant due = now.plus(wait);
        Instant whole = due.truncatedTo(ChronoUnit.SECONDS);
        return Duration.between(now, whole.equals(due) ? due : whole.plusSeconds(1));
    }

    /** RFC 9110 {@code Retry-After}: delay-seconds or an HTTP date. */
    static Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static double random() {
        return ThreadLocalRandom.current().nextDouble();
    }
}
