package io.lingowire.support;

import com.github.benmanes.caffeine.cache.Ticker;
import io.lingowire.common.Clocks;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestClockTest {

    private static final Instant T = Instant.parse("2026-11-29T01:00:00Z");

    @Test
    void aStoppedClockMovesOnlyWhenTold() {
        TestClock clock = TestClock.at(T);
        assertEquals(T, clock.instant());
        assertEquals(T.plusSeconds(90), clock.advance(Duration.ofSeconds(90)).instant());
        assertEquals(T.plusSeconds(30), clock.advance(Duration.ofSeconds(-60)).instant());
        assertEquals(T.plusSeconds(5), clock.set(T.plusSeconds(5)).instant());
        Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
        clock.advance(Duration.ofHours(1));
        assertEquals(T.plusSeconds(3605), paris.instant(), "a view in another zone moves with it");
    }

    @Test
    void aFollowingClockKeepsTheSystemTimePlusWhatItWasAdvancedByUntilReset() {
        TestClock clock = TestClock.following();
        Instant before = Instant.now();
        Instant read = clock.instant();
        assertFalse(read.isBefore(before));
        assertTrue(read.isBefore(Instant.now().plusSeconds(1)));
        clock.advance(Duration.ofHours(1));
        assertTrue(clock.instant().isAfter(Instant.now().plusSeconds(3590)));
        clock.set(T).reset();
        Instant now = Instant.now();
        assertTrue(Duration.between(now, clock.instant()).abs().compareTo(Duration.ofSeconds(1)) < 0, "back to now");
    }

    @Test
    void cachesTimedByATestClockTickWithIt() {
        TestClock clock = TestClock.at(T);
        Ticker ticker = Clocks.ticker(clock);
        long first = ticker.read();
        clock.advance(Duration.ofMillis(1500));
        assertEquals(1_500_000_000L, ticker.read() - first);
        assertSame(Ticker.systemTicker(), Clocks.ticker(Clock.systemUTC()), "production keeps System.nanoTime()");
    }
}
