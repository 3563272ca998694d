package io.lingowire.translation.routing;

import io.lingowire.translation.provider.ProviderException;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One provider's concurrency and per-minute limits on this replica: a semaphore for calls in flight and a token
 * bucket refilled evenly over the minute. A caller waits at most {@code maxWait}; past that the call fails ({@code BUSY}
 * for a slot, {@code RATE_LIMITED} for a token), so the chain moves on to the next provider or the job retries later,
 * instead of piling up workers behind a slow engine.
 */
final class CallLimiter {

    /** A permit to release when the call is over. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final String provider;
    private final Semaphore slots;
    private final int perMinute;
    private final Duration maxWait;
    private double tokens;
    private long refilledAt = System.nanoTime();

    CallLimiter(String provider, int maxConcurrent, int perMinute, Duration maxWait) {
        this.provider = provider;
        this.slots = maxConcurrent > 0 ? new Semaphore(maxConcurrent, true) : null;
        this.perMinute = perMinute;
        this.maxWait = maxWait;
        this.tokens = perMinute;
    }

    Permit acquire() throws ProviderException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        takeToken(deadline);
        if (slots == null) {
            return () -> { };
        }
        try {
            if (!slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new ProviderException(ProviderException.Kind.BUSY, provider + ": all "
                        + "concurrent calls in use", Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.TRANSIENT, provider + ": interrupted");
        }
        return slots::release;
    }

    private void takeToken(long deadline) throws ProviderException {
        if (perMinute <= 0) {
            return;
        }
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            tokens = Math.min(perMinute, tokens + (now - refilledAt) * perMinute / 60e9);
            refilledAt = now;
            tokens -= 1;
            waitNanos = tokens >= 0 ? 0 : (long) (-tokens * 60e9 / perMinute);
            if (now + waitNanos > deadline) {
                tokens += 1;
                throw new ProviderException(ProviderException.Kind.RATE_LIMITED, provider + ": "
                        + perMinute + " requests per minute reached", Duration.ofNanos(waitNanos).plusMillis(1));
            }
        }
        if (waitNanos > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(waitNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(ProviderException.Kind.TRANSIENT, provider + ": interrupted");
            }
        }
    }
}
