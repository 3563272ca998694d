package io.lingowire.common.job;

import io.lingowire.common.Ids;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs queued jobs on this replica. Each tick claims what free capacity allows for every registered kind, and
 * runs the claimed jobs on a small pool (a lane); a slow kind never blocks the claiming of another, and a kind that
 * asks for {@link JobHandler#threads() threads of its own} runs in a lane of its own.
 */
@ApplicationScoped
public class JobWorker {

    private static final Logger LOG = Logger.getLogger(JobWorker.class);

    private static final int PURGE_BATCH = 1000;

    private final JobQueue queue;
    private final JobConfig config;
    private final Map<String, JobHandler> handlers;
    private final String workerId = "worker-" + Ids.newId().substring(24);
    private final Map<String, Lane> lanes;
    /** The jobs this replica is running now, with their handlers. */
    private final Map<String, JobHandler> running = new ConcurrentHashMap<>();
    private volatile boolean draining;
    private final ExecutorService claimer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lingowire-job-claim");
        t.setDaemon(true);
        return t;
    });

    /** A pool and the permits that keep claims within its size. */
    private record Lane(ExecutorService pool, Semaphore capacity) {
        static Lane of(int threads, String name) {
            return new Lane(Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            }), new Semaphore(threads));
        }
    }

    private final MeterRegistry metrics;

    JobWorker(JobQueue queue, Instance<JobHandler> handlers, JobConfig config, MeterRegistry metrics) {
        this.queue = queue;
        this.metrics = metrics;
        this.config = config;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
        Lane shared = Lane.of(config.threads(), "lingowire-job");
        this.lanes = this.handlers.values().stream().collect(Collectors.toMap(JobHandler::kind,
                h -> h.threads() > 0 ? Lane.of(h.threads(), "lingowire-job-" + h.kind()) : shared));
        LOG.infof("Job worker %s runs %s", workerId, String.join(", ", this.handlers.keySet()));
    }

    @Scheduled(every = "${lingowire.jobs.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        for (JobHandler handler : handlers.values()) {
            claim(handler, true);
        }
    }

    /** Deletes finished jobs older than {@code lingowire.jobs.keep-done}, a batch at a time. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        Instant before = Instant.now().minus(config.keepDone());
        int total = 0;
        int deleted;
        do {
            deleted = queue.purgeDone(before, PURGE_BATCH);
            total += deleted;
        } while (deleted == PURGE_BATCH);
        if (total > 0) {
            LOG.debugf("Deleted %d finished jobs", total);
        }
    }

    /**
     * New work on this replica is claimed as soon as its transaction commits, not at the next tick (jobs enqueued
     * by other replicas wait for the tick); the claim runs off the committing thread.
     */
    void enqueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobQueue.Enqueued enqueued) {
        JobHandler handler = handlers.get(enqueued.kind());
        if (handler != null) {
            claimSoon(handler);
        }
    }

    /** Claims on the claimer thread, unless this replica is stopping (then nothing more is claimed). */
    private void claimSoon(JobHandler handler) {
        try {
            claimer.execute(() -> claim(handler, false));
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // the drain has begun
        }
    }

    /**
     * Claims what the kind's lane has room for; a finished job makes room and claims the next at once. Jobs whose
     * lease expired (their worker died) are looked for on the tick only: leases last 30 s, ticks a second.
     */
    private synchronized void claim(JobHandler handler, boolean withExpired) {
        if (draining) {
            return;
        }
        Lane lane = lanes.get(handler.kind());
        int free = lane.capacity().availablePermits();
        if (free == 0) {
            return;
        }
        List<Job> jobs;
        try {
            jobs = withExpired ? queue.claim(handler.kind(), free, workerId, lease(handler))
                    : queue.claimQueued(handler.kind(), free, workerId, lease(handler));
        } catch (RuntimeException e) {
            LOG.warnf("Could not claim %s jobs: %s", handler.kind(), e.getMessage());
            return;
        }
        for (Job job : jobs) {
            lane.capacity().acquireUninterruptibly();
            running.put(job.id, handler);
            lane.pool().execute(() -> {
                try {
                    run(handler, job);
                } finally {
                    running.remove(job.id);
                    lane.capacity().release();
                    claimSoon(handler);
                }
            });
        }
    }

    void run(JobHandler handler, Job job) {
        Instant start = Instant.now();
        Duration waited = Duration.between(job.runAt, start);
        Timer.builder("lingowire.job.delay").description("From when a job was due to when a worker started it")
                .tag("kind", job.kind).publishPercentileHistogram().maximumExpectedValue(Duration.ofHours(1))
                .register(metrics).record(waited.isNegative() ? Duration.ZERO : waited);
        String outcome;
        JobQueue.Held.CURRENT.set(new JobQueue.Held(job.id, workerId));
        try {
            handler.handle(job);
            queue.complete(job.id, workerId);
            outcome = "done";
        } catch (JobQueue.LeaseLost lost) {
            LOG.infof("Job %s (%s): %s; its result here was discarded", job.id, job.kind, lost.getMessage());
            outcome = "taken_over";
        } catch (RetryLater later) {
            Job after;
            if (later.attempted) {
                after = queue.fail(job.id, workerId, later.getMessage(), later.delay);
                outcome = after != null && after.status == Job.Status.dead ? "dead" : "retry";
            } else {
                queue.postpone(job.id, workerId, later.getMessage(), later.delay);
                outcome = "postponed";
            }
        } catch (Exception e) {
            Job after = queue.fail(job.id, workerId, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
            if (after != null && after.status == Job.Status.dead) {
                LOG.errorf(e, "Job %s (%s) is dead after %d attempts", job.id, job.kind, after.attempts);
                outcome = "dead";
            } else {
                LOG.warnf("Job %s (%s) attempt %d failed: %s", job.id, job.kind, job.attempts, e.getMessage());
                outcome = "retry";
            }
        } finally {
            JobQueue.Held.CURRENT.remove();
        }
        Timer.builder("lingowire.job.duration").description("One run of a job, by its outcome")
                .tag("kind", job.kind).tag("outcome", outcome).publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofMinutes(5)).register(metrics)
                .record(Duration.between(start, Instant.now()));
    }

    private Duration lease(JobHandler handler) {
        return handler.lease() != null ? handler.lease() : config.lease();
    }

    /**
     * Renews the leases of the jobs this replica runs, every third of the shortest lease: a job runs as long as it
     * needs while its replica lives, and is taken over soon after the replica dies.
     */
    @Scheduled(every = "${lingowire.jobs.heartbeat:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void heartbeat() {
        if (running.isEmpty()) {
            return;
        }
        Map<JobHandler, List<String>> byHandler = running.entrySet().stream().collect(Collectors.groupingBy(
                Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        byHandler.forEach((handler, ids) -> {
            try {
                queue.renew(workerId, ids, lease(handler));
            } catch (RuntimeException e) {
                LOG.warnf("Could not renew the leases of %d %s jobs: %s", ids.size(), handler.kind(), e.getMessage());
            }
        });
    }

    public String workerId() {
        return workerId;
    }

    /**
     * A stopping replica (SIGTERM; readiness is already down) claims nothing more, lets its running jobs finish
     * within {@code lingowire.jobs.drain}, and hands back those that did not, so that another replica takes them at
     * once instead of after their lease. A handed-back job whose thread still completes afterwards is not marked done
     * by it: completion requires the lease.
     */
    void drain(@Observes ShutdownEvent event) {
        draining = true;
        claimer.shutdown();
        List<ExecutorService> pools = lanes.values().stream().map(Lane::pool).distinct().toList();
        pools.forEach(ExecutorService::shutdown);
        long deadline = System.nanoTime() + config.drain().toNanos();
        for (ExecutorService pool : pools) {
            try {
                pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (String id : Set.copyOf(running.keySet())) {
            queue.postpone(id, workerId, "handed back by a replica that stopped", Duration.ZERO);
        }
        if (!running.isEmpty()) {
            LOG.infof("Stopped with %d jobs still running: handed back to the queue", running.size());
        }
    }

    @PreDestroy
    void stop() {
        claimer.shutdownNow();
        lanes.values().stream().distinct().forEach(lane -> lane.pool().shutdownNow());
    }
}
