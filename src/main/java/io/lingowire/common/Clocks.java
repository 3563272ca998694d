package io.lingowire.common;

import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/**
 * The one clock the gateway reads Java time from: the system's, in UTC. Classes that wait, expire or compare times
 * take it by injection instead of calling {@code Instant.now()} or {@code System.nanoTime()}, so that a test can put
 * its own clock in and move time on instead of sleeping. Time the database keeps stays the database's.
 */
@Singleton
public class Clocks {

    private static final Clock SYSTEM = Clock.systemUTC();

    @Produces
    @Singleton
    Clock clock() {
        return SYSTEM;
    }

    /**
     * A Caffeine ticker that runs with {@code clock}: the system clock gives the monotonic {@code System.nanoTime()}
     * (as the caches had before, untouched by changes of the wall clock); any other clock, a test's, gives its own
     * instants, so that moving it on expires what it should.
     */
    public static Ticker ticker(Clock clock) {
        if (SYSTEM.equals(clock)) {
            return Ticker.systemTicker();
        }
        return () -> {
            Instant now = clock.instant();
            return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        };
    }
}
