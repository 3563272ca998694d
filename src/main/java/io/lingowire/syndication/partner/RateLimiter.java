package io.lingowire.syndication.partner;

import io.lingowire.common.error.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each partner's request allowance per minute, counted in fixed one-minute windows in this replica (with N replicas
 * behind a load balancer a partner gets up to N times its limit; the limit protects each replica). Over the limit:
 * 429 with {@code Retry-After} until the window turns.
 */
@ApplicationScoped
public class RateLimiter {

    private record Window(long minute, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** Counts a request; throws the 429 problem when it is over the partner's allowance. */
    public void acquire(Partner partner) {
        long retryAfter = take(partner);
        if (retryAfter > 0) {
            throw ApiProblem.tooManyRequests("This partner may make " + partner.rateLimit
                    + " requests a minute; try again in " + retryAfter + " s", retryAfter);
        }
    }

    /** Counts a request: 0 when it is within the allowance, else the seconds until the window turns. */
    public long take(Partner partner) {
        long now = System.currentTimeMillis();
        long minute = now / 60_000;
        Window w = windows.compute(partner.id, (id, old) -> old == null || old.minute() != minute
                ? new Window(minute, 1) : new Window(minute, old.count() + 1));
        return w.count() > partner.rateLimit ? Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000) : 0;
    }
}
