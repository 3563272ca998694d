package io.lingowire.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves by hand, so that it need not sleep for an expiry, a lease or a circuit's open period to pass.
 * It follows the system clock (plus whatever it was advanced by) until {@link #set} stops it at an instant; then only
 * {@link #advance} moves it. {@link #reset} brings it back to the system's time.
 *
 * <p>Plain unit tests make their own ({@link #following()}, {@link #at}); {@code @QuarkusTest}s get
 * {@link #APP}, which {@link TestClockProducer} puts in place of the application's clock: inject
 * {@code TestClock}, move it, and {@link #reset} it after the test (every other test shares it).
 */
public final class TestClock extends Clock {

    /** The clock of the application under {@code @QuarkusTest}: the system's until a test moves it. */
    public static final TestClock APP = following();

    private static final Clock SYSTEM = Clock.systemUTC();

    private final ZoneId zone;
    /** While null, the clock follows the system clock; else it stands at this instant (plus {@link #offset}). */
    private volatile Instant stoppedAt;
    private volatile Duration offset = Duration.ZERO;

    private TestClock(ZoneId zone, Instant stoppedAt) {
        this.zone = zone;
        this.stoppedAt = stoppedAt;
    }

    /** A clock at the system's time, moving with it, until told otherwise. */
    public static TestClock following() {
        return new TestClock(ZoneOffset.UTC, null);
    }

    /** A clock standing at {@code instant}: only {@link #advance} and {@link #set} move it. */
    public static TestClock at(Instant instant) {
        return new TestClock(ZoneOffset.UTC, instant);
    }

    /** A clock standing at {@code instant}, e.g. {@code "2026-11-29T01:00:00Z"}. */
    public static TestClock at(String instant) {
        return at(Instant.parse(instant));
    }

    /** Moves the clock on (or back, for a negative amount) by {@code amount}. */
    public synchronized TestClock advance(Duration amount) {
        offset = offset.plus(amount);
        return this;
    }

    /** Stops the clock at {@code instant}. */
    public synchronized TestClock set(Instant instant) {
        stoppedAt = instant;
        offset = Duration.ZERO;
        return this;
    }

    /** Back to the system's time, moving with it. */
    public synchronized TestClock reset() {
        stoppedAt = null;
        offset = Duration.ZERO;
        return this;
    }

    @Override
    public Instant instant() {
        Instant stopped;
        Duration by;
        synchronized (this) {
            stopped = stoppedAt;
            by = offset;
        }
        return (stopped != null ? stopped : SYSTEM.instant()).plus(by);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same clock seen in another zone: it moves when this one does. */
    @Override
    public Clock withZone(ZoneId other) {
        if (other.equals(zone)) {
            return this;
        }
        TestClock base = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return other;
            }

            @Override
            public Clock withZone(ZoneId again) {
                return base.withZone(again);
            }

            @Override
            public Instant instant() {
                return base.instant();
            }
        };
    }

    @Override
    public String toString() {
        return "TestClock[" + instant() + (stoppedAt == null ? ", following the system" : ", stopped") + "]";
    }
}
