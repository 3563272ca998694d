package io.lingowire.common.job;

import java.time.Duration;

/** Thrown by a handler to have its job tried again after a given delay. */
public class RetryLater extends RuntimeException {

    public final Duration delay;
    /** Whether the job's attempt counts: {@code false} when the handler could not try anything yet. */
    public final boolean attempted;

    public RetryLater(Duration delay, String reason) {
        this(delay, reason, true);
    }

    private RetryLater(Duration delay, String reason, boolean attempted) {
        super(reason, null, false, false);
        this.delay = delay;
        this.attempted = attempted;
    }

    /** Nothing could be tried yet (every engine resting, say): the job waits without using up an attempt. */
    public static RetryLater notAttempted(Duration delay, String reason) {
        return new RetryLater(delay, reason, false);
    }
}
