package io.lingowire.translation.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One provider's circuit: after {@code threshold} consecutive transient failures the provider is left out of every
 * chain for {@code openFor}; then one trial call is let through (half-open), whose outcome closes the circuit or
 * opens it again. Without it a dead engine would cost every translation a timeout before the chain moved on.
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED, OPEN, HALF_OPEN;

        /** As shown in the API: {@code closed}, {@code open}, {@code half-open}. */
        public String label() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private int failures;
    private Instant openUntil;
    private boolean trialInFlight;

    public CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        this.threshold = Math.max(1, threshold);
        this.openFor = openFor;
        this.clock = clock;
    }

    public synchronized State state() {
        if (openUntil == null) {
            return State.CLOSED;
        }
        return trialInFlight || !clock.instant().isBefore(openUntil) ? State.HALF_OPEN : State.OPEN;
    }

    /** Until when the circuit is open, while it is. */
    public synchronized Instant openUntil() {
        return state() == State.OPEN ? openUntil : null;
    }

    /** Whether a route may include the provider now (does not take the trial). */
    public synchronized boolean available() {
        State state = state();
        return state == State.CLOSED || state == State.HALF_OPEN && !trialInFlight;
    }

    /** Takes permission for one call; in half-open only the first caller gets it. */
    public synchronized boolean tryAcquire() {
        if (!available()) {
            return false;
        }
        if (openUntil != null) {
            trialInFlight = true;
        }
        return true;
    }

    /** The provider answered (a refusal of the request counts: the engine is alive). */
    public synchronized void success() {
        failures = 0;
        openUntil = null;
        trialInFlight = false;
    }

    /** A transient failure: counts towards opening; a failed trial opens the circuit again at once. */
    public synchronized void failure() {
        failures++;
        if (trialInFlight || failures >= threshold) {
            openUntil = clock.instant().plus(openFor);
            trialInFlight = false;
        }
    }
}
