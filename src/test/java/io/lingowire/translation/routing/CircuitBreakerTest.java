package io.lingowire.translation.routing;

import io.lingowire.support.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The circuit's states as a provider sees them, on a clock the test moves. */
class CircuitBreakerTest {

    private final TestClock clock = TestClock.at("2026-11-29T01:00:00Z");
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
        assertEquals(clock.instant().plusSeconds(30), circuit.openUntil());
        assertFalse(circuit.tryAcquire(), "no call while open");
    }

    @Test
    void halfOpenLetsOneTrialThroughAndItsOutcomeDecides() {
        for (int i = 0; i < 3; i++) {
            circuit.failure();
        }
        clock.advance(Duration.ofSeconds(30));
        assertEquals("half-open", circuit.state().label());
        assertTrue(circuit.tryAcquire(), "the trial call");
        assertFalse(circuit.tryAcquire(), "only one trial at a time");
        circuit.failure();
        assertEquals(CircuitBreaker.State.OPEN, circuit.state(), "a failed trial opens the circuit again at once");
        clock.advance(Duration.ofSeconds(30));
        assertTrue(circuit.tryAcquire());
        circuit.success();
        assertEquals(CircuitBreaker.State.CLOSED, circuit.state());
        assertNull(circuit.openUntil());
        assertTrue(circuit.tryAcquire());
    }
}
