package io.lingowire.common.job;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "lingowire.jobs")
public interface JobConfig {

    /** Jobs this replica runs at the same time. */
    @WithDefault("4")
    int threads();

    /** How often this replica looks for due jobs (the scheduler's {@code every}). */
    @WithDefault("1s")
    String tick();

    /** How long finished jobs are kept (for the record) before they are deleted; dead jobs are kept. */
    @WithDefault("7d")
    Duration keepDone();

    /**
     * How long a stopping replica lets its running jobs finish (after it stops claiming) before it hands the rest
     * back to the queue for another replica, without using up an attempt. Keep the pod's
     * {@code terminationGracePeriodSeconds} above the shutdown delay, the HTTP shutdown timeout and this together.
     */
    @WithDefault("20s")
    Duration drain();

    /**
     * How long a job's lease lasts unless renewed. A replica renews the leases of the jobs it runs every third of
     * this, so a job of a replica that died is taken over by another within about this long.
     */
    @WithDefault("30s")
    Duration lease();

    /** How often a replica renews the leases of the jobs it runs: well under {@link #lease()}. */
    @WithDefault("10s")
    Duration heartbeat();
}
