package io.lingowire.common.job;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code lingowire_jobs{kind, state}}: the queue's depth in the whole database (queued, running and dead jobs by
 * kind), read every 15 seconds by each replica. Every replica reports the same numbers: aggregate with {@code max},
 * not {@code sum}. Finished jobs are not counted (the index on status, kind serves the count however many there are).
 */
@ApplicationScoped
public class QueueDepth {

    private static final Logger LOG = Logger.getLogger(QueueDepth.class);
    private static final List<Job.Status> STATES = List.of(Job.Status.queued, Job.Status.running, Job.Status.dead);

    private final EntityManager em;
    private final MeterRegistry metrics;
    private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();

    QueueDepth(EntityManager em, MeterRegistry metrics, jakarta.enterprise.inject.Instance<JobHandler> handlers) {
        this.em = em;
        this.metrics = metrics;
        // every kind this build runs reports 0 rather than nothing, so that alerts and graphs see an empty queue
        handlers.forEach(h -> STATES.forEach(state -> depth(h.kind(), state)));
    }

    @Scheduled(every = "15s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void read() {
        Map<String, Long> counts = new java.util.HashMap<>();
        try {
            for (Job.Status state : STATES) {
                List<Object[]> rows = em.createQuery("SELECT kind, COUNT(*) FROM Job WHERE status = :s GROUP BY kind",
                        Object[].class).setParameter("s", state).getResultList();
                for (Object[] row : rows) {
                    counts.put(row[0] + "\u0000" + state, ((Number) row[1]).longValue());
                    depth((String) row[0], state);
                }
            }
        } catch (RuntimeException e) {
            // the last numbers stay: a failed read must not look like an empty queue
            LOG.warnf("Queue depth not read: %s", e.getMessage());
            return;
        }
        depths.forEach((key, depth) -> depth.set(counts.getOrDefault(key, 0L)));
    }

    private AtomicLong depth(String kind, Job.Status state) {
        return depths.computeIfAbsent(kind + '\u0000' + state, k -> {
            AtomicLong depth = new AtomicLong();
            Gauge.builder("lingowire.jobs", depth, AtomicLong::get).description("Jobs in the queue by kind and state")
                    .tag("kind", kind).tag("state", state.name()).strongReference(true).register(metrics);
            return depth;
        });
    }
}
