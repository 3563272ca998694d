package io.lingowire.common.job;

import java.time.Duration;

/** Thrown by a handler to have its job tried again after a given delay. */
public class RetryLater extends RuntimeException {

    public final Duration delay;

    public RetryLater(Duration delay, String reason) {
        super(reason, null, false, false);
        this.delay = delay;
    }
}
