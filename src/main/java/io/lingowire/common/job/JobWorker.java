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
 * runs the claimed jobs on a small pool; a slow kind never blocks the claiming of another.
 */
@ApplicationScoped
public class JobWorker {

    private static final Logger LOG = Logger.getLogger(JobWorker.class);

    private final JobQueue queue;
    private final Map<String, JobHandler> handlers;
    private final String workerId = "worker-" + Ids.newId().substring(24);
    private final ExecutorService pool;
    private final Semaphore capacity;

    JobWorker(JobQueue queue, Instance<JobHandler> handlers, JobConfig config) {
        this.queue = queue;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
        this.pool = Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "lingowire-job");
            t.setDaemon(true);
            return t;
        });
        this.capacity = new Semaphore(config.threads());
    }

    @Scheduled(every = "${lingowire.jobs.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        for (JobHandler handler : handlers.values()) {
            int free = capacity.availablePermits();
            if (free == 0) {
                return;
            }
            List<Job> jobs = queue.claim(handler.kind(), free, workerId, handler.lease());
            for (Job job : jobs) {
                capacity.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        run(handler, job);
                    } finally {
                        capacity.release();
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
        pool.shutdownNow();
    }
}
