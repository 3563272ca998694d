package io.lingowire.translation.routing;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The circuit's states as a provider sees them, on a clock the test moves. */
class CircuitBreakerTest {

    private static final class Manual extends Clock {
        Instant now = Instant.parse("2026-11-29T01:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Manual clock = new Manual();
    private final CircuitBreaker circuit = new CircuitBreaker(3, Duration.ofSeconds(30), clock);

    @Test
    void opensAfterConsecutiveFailuresOnly() {
        circuit.failure();
        circuit.failure();
        circuit.success();
        circuit.failure();
        circuit.failure();
        assertEquals(CircuitBreaker.State.CLOSED, circuit.state(), "a success in between starts the count again");
        circuit.failure();
        assertEquals(CircuitBreaker.State.OPEN, circuit.state());
        assertEquals(clock.now.plusSeconds(30), circuit.openUntil());
        assertFalse(circuit.tryAcquire(), "no call while open");
    }

    @Test
    void halfOpenLetsOneTrialThroughAndItsOutcomeDecides() {
        for (int i = 0; i < 3; i++) {
            circuit.failure();
        }
        clock.now = clock.now.plusSeconds(30);
        assertEquals("half-open", circuit.state().label());
        assertTrue(circuit.tryAcquire(), "the trial call");
        assertFalse(circuit.tryAcquire(), "only one trial at a time");
        circuit.failure();
        assertEquals(CircuitBreaker.State.OPEN, circuit.state(), "a failed trial opens the circuit again at once");
        clock.now = clock.now.plusSeconds(30);
        assertTrue(circuit.tryAcquire());
        circuit.success();
        assertEquals(CircuitBreaker.State.CLOSED, circuit.state());
        assertNull(circuit.openUntil());
        assertTrue(circuit.tryAcquire());
    }
}
