package io.lingowire.common.job;

import io.lingowire.common.Ids;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The durable job queue in the database. Enqueue inside the transaction of the change that makes the work
 * necessary; workers claim due jobs with {@code SELECT ... FOR UPDATE SKIP LOCKED} (MySQL 8, MariaDB 10.6+, H2),
 * so any number of replicas can work one table without taking the same job twice. A claimed job carries a lease:
 * if its worker dies, the job becomes claimable again when the lease runs out.
 */
@ApplicationScoped
public class JobQueue {

    static final Duration BASE_BACKOFF = Duration.ofSeconds(5);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final EntityManager em;
    private final Event<Enqueued> enqueued;
    /** "Now" for due times, leases and the timestamps this queue writes: Java time, handed to the database. */
    private final Clock clock;

    JobQueue(EntityManager em, Event<Enqueued> enqueued, Clock clock) {
        this.em = em;
        this.enqueued = enqueued;
        this.clock = clock;
    }

    /** Fired when a job that is due now was added; observed after commit, so that a worker can claim it at once. */
    public record Enqueued(String kind) {
    }

    /**
     * @param followRunning a running job with the same key does not stand for this one (it may have read its input
     *                        before what asks now was there): a new job is queued to follow it
     */
    public record NewJob(String kind, String payload, String dedupeKey, int priority, int maxAttempts, Instant runAt,
                         boolean followRunning) {
        public static NewJob of(String kind, String payload) {
            return new NewJob(kind, payload, null, 100, 8, null, false);
        }

        public NewJob dedupe(String key) {
            return new NewJob(kind, payload, key, priority, maxAttempts, runAt, followRunning);
        }

        /** See {@link #followRunning}. */
        public NewJob repeatIfRunning() {
            return new NewJob(kind, payload, dedupeKey, priority, maxAttempts, runAt, true);
        }

        public NewJob priority(int value) {
            return new NewJob(kind, payload, dedupeKey, value, maxAttempts, runAt, followRunning);
        }

        public NewJob attempts(int value) {
            return new NewJob(kind, payload, dedupeKey, priority, value, runAt, followRunning);
        }

        /** Not before this time (an embargo, a scheduled publication). */
        public NewJob at(Instant when) {
            return new NewJob(kind, payload, dedupeKey, priority, maxAttempts, when, followRunning);
        }
    }

    /** Adds a job, or returns the pending one with the same dedupe key. */
    @Transactional
    public Job enqueue(NewJob spec) {
        if (spec.dedupeKey() != null) {
            Optional<Job> pending = Job.<Job>find("dedupeKey", spec.dedupeKey()).firstResultOptional();
            if (pending.isPresent()) {
                Job job = pending.get();
                if (job.status == Job.Status.queued
                        || (job.status == Job.Status.running && !spec.followRunning())) {
                    return job;
                }
                // a finished job (or a running one that cannot stand for this request) frees its key
                job.dedupeKey = null;
                em.flush();
            }
        }
        Instant now = clock.instant();
        Job job = new Job();
        job.id = Ids.newId();
        job.kind = spec.kind();
        job.dedupeKey = spec.dedupeKey();
        job.payload = spec.payload();
        job.status = Job.Status.queued;
        job.priority = spec.priority();
        job.attempts = 0;
        job.maxAttempts = spec.maxAttempts();
        job.runAt = spec.runAt() == null ? now : spec.runAt();
        job.createdAt = now;
        job.updatedAt = now;
        job.persist();
        if (!job.runAt.isAfter(now)) {
            enqueued.fire(new Enqueued(job.kind));
        }
        return job;
    }

    /**
     * Claims up to {@code limit} due jobs of the given kind for one worker: running jobs whose lease has expired
     * first, then queued jobs whose time has come, each in a transaction of its own. Locked rows are skipped, not
     * waited for. Each status is its own query, so that both are served by the index on (status, kind, ...)
     * however many finished jobs the table holds; and its own transaction, as one transaction holding the locks of
     * the first scan while it moves rows into that range deadlocks with another worker's claim on InnoDB.
     */
    public List<Job> claim(String kind, int limit, String worker, Duration lease) {
        List<Job> claimed = new ArrayList<>(claimExpired(kind, limit, worker, lease));
        if (claimed.size() < limit) {
            claimed.addAll(claimQueued(kind, limit - claimed.size(), worker, lease));
        }
        return claimed;
    }

    /** How many due jobs a queued claim looks at for each it wants: some may be taken by another worker meanwhile. */
    private static final int CANDIDATES_PER_CLAIM = 4;

    /**
     * Claims due queued jobs only: what a worker does between ticks, when its own work made room. The next due jobs
     * are read first without locks, in the order of the index on (status, kind, priority, run_at), which stops at
     * the first few however long the queue is; then, in that order, each still queued is locked until there are
     * enough, skipping any another worker holds. Locking in the first query instead made H2 read and sort the whole
     * queue on every claim (a millisecond per thousand queued jobs); and a lock is only taken on a job this worker
     * will run, so concurrent claims of other workers find the rest free.
     */
    @SuppressWarnings("unchecked")
    public List<Job> claimQueued(String kind, int limit, String worker, Duration lease) {
        Instant now = clock.instant();
        // in a transaction of its own: on InnoDB, a claim whose transaction began with this unlocked read would then
        // read the jobs it locks as they were in that read's snapshot, not as they are
        List<String> due = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("SELECT id FROM job "
                        + "WHERE status = 'queued' AND kind = ?1 AND run_at <= ?2 "
                        // status and kind are fixed by the condition; naming them lets H2 read the index in order too
                        + "ORDER BY status, kind, priority, run_at LIMIT ?3")
                .setParameter(1, kind).setParameter(2, now).setParameter(3, limit * CANDIDATES_PER_CLAIM)
                .getResultList());
        if (due.isEmpty()) {
            return List.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            // one at a time, in order, until there are enough: a lock taken is a job this worker will run
            List<String> ids = new ArrayList<>(limit);
            for (String id : due) {
                if (ids.size() == limit) {
                    break;
                }
                if (!em.createNativeQuery("SELECT id FROM job WHERE id = ?1 AND status = 'queued' AND run_at <= ?2 "
                        + "FOR UPDATE SKIP LOCKED").setParameter(1, id).setParameter(2, now).getResultList().isEmpty()) {
                    ids.add(id);
                }
            }
            return take(ids, worker, lease);
        });
    }

    /** Jobs whose worker died: few, so locked as they are found. */
    @SuppressWarnings("unchecked")
    private List<Job> claimExpired(String kind, int limit, String worker, Duration lease) {
        return QuarkusTransaction.requiringNew().call(() -> take(em.createNativeQuery("SELECT id FROM job "
                        + "WHERE status = 'running' AND kind = ?1 AND lease_until < ?2 ORDER BY lease_until LIMIT ?3 "
                        + "FOR UPDATE SKIP LOCKED").setParameter(1, kind).setParameter(2, clock.instant())
                .setParameter(3, limit).getResultList(), worker, lease));
    }

    /** Marks locked jobs as this worker's, for the length of the lease, in the caller's transaction. */
    private List<Job> take(List<String> ids, String worker, Duration lease) {
        Instant now = clock.instant();
        List<Job> claimed = new ArrayList<>(ids.size());
        for (String id : ids) {
            Job job = em.find(Job.class, id);
            job.status = Job.Status.running;
            job.lockedBy = worker;
            job.leaseUntil = now.plus(lease);
            job.attempts++;
            job.updatedAt = now;
            claimed.add(job);
        }
        return claimed;
    }

    /**
     * Deletes up to {@code batch} jobs that finished before {@code before}; dead jobs stay for an operator to look
     * at or requeue. Returns how many went.
     */
    @SuppressWarnings("unchecked")
    public int purgeDone(Instant before, int batch) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> ids = em.createNativeQuery("SELECT id FROM job WHERE status = 'done' AND updated_at < ?1 "
                            + "LIMIT ?2")
                    .setParameter(1, before).setParameter(2, batch).getResultList();
            return ids.isEmpty() ? 0 : em.createQuery("DELETE FROM Job WHERE id IN :ids AND status = :done")
                    .setParameter("ids", ids).setParameter("done", Job.Status.done).executeUpdate();
        });
    }

    /**
     * Extends the leases of jobs this worker is running (its heartbeat). A job whose lease was already taken over by
     * another worker is not touched: that worker holds it now.
     */
    public int renew(String worker, java.util.Collection<String> ids, Duration lease) {
        if (ids.isEmpty()) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("UPDATE Job SET leaseUntil = :until "
                        + "WHERE id IN :ids AND lockedBy = :worker AND status = :running")
                .setParameter("until", clock.instant().plus(lease)).setParameter("ids", ids)
                .setParameter("worker", worker).setParameter("running", Job.Status.running).executeUpdate());
    }

    /**
     * Marks the job the current thread runs ({@link Held#current()}) done in the caller's transaction, so that a
     * handler's result and the job's completion commit together: a replica that dies after storing a result leaves
     * no job to be run again, and a worker whose lease was taken over stores nothing ({@link LeaseLost} rolls its
     * transaction back). Does nothing outside a job.
     */
    public void completeHeld() {
        Held held = Held.CURRENT.get();
        if (held == null) {
            return;
        }
        // native: the MySQL dialect locks with FOR UPDATE OF <alias>, which MariaDB does not parse
        int done = em.createNativeQuery("UPDATE job SET status = 'done', lease_until = NULL, last_error = NULL, "
                        + "updated_at = ?1 WHERE id = ?2 AND status = 'running' AND locked_by = ?3")
                .setParameter(1, clock.instant()).setParameter(2, held.jobId()).setParameter(3, held.worker())
                .executeUpdate();
        if (done == 0) {
            throw new LeaseLost(held.jobId());
        }
    }

    /** The job a worker thread is running, set by the worker around the handler. */
    public record Held(String jobId, String worker) {
        static final ThreadLocal<Held> CURRENT = new ThreadLocal<>();

        public static Held current() {
            return CURRENT.get();
        }
    }

    /** The worker no longer holds the job's lease: another worker took it over, and its result is the one kept. */
    public static class LeaseLost extends RuntimeException {
        LeaseLost(String jobId) {
            super("job " + jobId + " was taken over by another worker");
        }
    }

    /** Marks a claimed job done, if this worker still holds it. */
    public boolean complete(String id, String worker) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Job job = em.find(Job.class, id);
            if (job == null || job.status != Job.Status.running || !worker.equals(job.lockedBy)) {
                return false;
            }
            job.status = Job.Status.done;
            job.leaseUntil = null;
            job.lastError = null;
            job.updatedAt = clock.instant();
            return true;
        });
    }

    /**
     * Records a failed attempt: the job is queued again after an exponential backoff with jitter (or after
     * {@code delay} when the handler named one), or parked as dead after its last attempt.
     */
    public Job fail(String id, String worker, String error, Duration delay) {
        return putBack(id, worker, error, delay, true);
    }

    /**
     * Puts a claimed job back for {@code delay} without counting the attempt: the handler found nothing it could try
     * yet (every engine resting, say), so waiting must not use up the attempts that real failures are allowed.
     */
    public Job postpone(String id, String worker, String reason, Duration delay) {
        return putBack(id, worker, reason, delay, false);
    }

    /** A claimed job handed back by its worker: queued again after a delay, or dead after its last counted attempt. */
    private Job putBack(String id, String worker, String error, Duration delay, boolean attempted) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Job job = em.find(Job.class, id);
            if (job == null || !worker.equals(job.lockedBy)) {
                return job;
            }
            Instant now = clock.instant();
            job.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 2000));
            job.leaseUntil = null;
            job.updatedAt = now;
            if (!attempted) {
                job.attempts = Math.max(0, job.attempts - 1);
            }
            if (job.attempts >= job.maxAttempts) {
                job.status = Job.Status.dead;
            } else {
                job.status = Job.Status.queued;
                job.runAt = now.plus(delay != null ? delay : backoff(job.attempts));
            }
            return job;
        });
    }

    /** 5 s, 10 s, 20 s … capped at an hour, each with up to 20 % jitter so that failures do not retry in step. */
    static Duration backoff(int attempt) {
        long base = BASE_BACKOFF.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, MAX_BACKOFF.toMillis());
        long jitter = (long) (capped * 0.2 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(capped + jitter);
    }

    /** Puts a dead or done job back in the queue with fresh attempts (manual redelivery, operator retry). */
    @Transactional
    public Job requeue(String id) {
        Job job = em.find(Job.class, id);
        if (job != null && job.status != Job.Status.running) {
            job.status = Job.Status.queued;
            job.attempts = 0;
            job.runAt = clock.instant();
            job.updatedAt = job.runAt;
        }
        return job;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(String kind, Job.Status status) {
        return Job.count("kind = ?1 and status = ?2", kind, status);
    }
}
