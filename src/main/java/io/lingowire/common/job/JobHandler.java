package io.lingowire.common.job;

/**
 * Does the work of one job kind. Implementations are CDI beans; the worker finds them by {@link #kind()}.
 * Throw {@link RetryLater} to ask for another attempt at a given time (a provider's {@code Retry-After});
 * any other exception is a failed attempt, retried with backoff until the job's last attempt, then dead.
 */
public interface JobHandler {

    String kind();

    void handle(Job job) throws Exception;

    /**
     * How long a lease lasts without being renewed, or {@code null} for {@code lingowire.jobs.lease}. The worker renews
     * the leases of its running jobs on a heartbeat, so this is how soon a crashed replica's job is taken over, not
     * how long a job may run.
     */
    default java.time.Duration lease() {
        return null;
    }

    /**
     * Threads of a pool of this kind's own, or 0 to share the worker's common pool. A kind whose attempts may wait
     * long on the outside world (webhook deliveries) gets its own lane, so it can neither starve nor be starved by
     * the other kinds.
     */
    default int threads() {
        return 0;
    }
}
