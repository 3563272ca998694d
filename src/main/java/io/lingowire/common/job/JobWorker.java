package io.lingowire.common.job;

import io.lingowire.common.Ids;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
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

    private final JobQueue queue;
    private final Map<String, JobHandler> handlers;
    private final String workerId = "worker-" + Ids.newId().substring(24);
    private final Map<String, Lane> lanes;

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

    JobWorker(JobQueue queue, Instance<JobHandler> handlers, JobConfig config) {
        this.queue = queue;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
        Lane shared = Lane.of(config.threads(), "lingowire-job");
        this.lanes = this.handlers.values().stream().collect(Collectors.toMap(JobHandler::kind,
                h -> h.threads() > 0 ? Lane.of(h.threads(), "lingowire-job-" + h.kind()) : shared));
    }

    @Scheduled(every = "${lingowire.jobs.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        for (JobHandler handler : handlers.values()) {
            Lane lane = lanes.get(handler.kind());
            int free = lane.capacity().availablePermits();
            if (free == 0) {
                continue;
            }
            List<Job> jobs = queue.claim(handler.kind(), free, workerId, handler.lease());
            for (Job job : jobs) {
                lane.capacity().acquireUninterruptibly();
                lane.pool().execute(() -> {
                    try {
                        run(handler, job);
                    } finally {
                        lane.capacity().release();
                    }
                });
            }
        }
    }

    void run(JobHandler handler, Job job) {
        try {
            handler.handle(job);
            queue.complete(job.id, workerId);
        } catch (RetryLater later) {
            queue.fail(job.id, workerId, later.getMessage(), later.delay);
        } catch (Exception e) {
            Job after = queue.fail(job.id, workerId, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
            if (after != null && after.status == Job.Status.dead) {
                LOG.errorf(e, "Job %s (%s) is dead after %d attempts", job.id, job.kind, after.attempts);
            } else {
                LOG.warnf("Job %s (%s) attempt %d failed: %s", job.id, job.kind, job.attempts, e.getMessage());
            }
        }
    }

    public String workerId() {
        return workerId;
    }

    @PreDestroy
    void stop() {
        lanes.values().stream().distinct().forEach(lane -> lane.pool().shutdownNow());
    }
}
