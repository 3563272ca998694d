package io.lingowire.common.job;

import io.lingowire.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class JobQueueTest {

    @Inject
    JobQueue queue;

    /** The queue's clock: leases run out and due times come when a test moves it, not when it sleeps. */
    @Inject
    TestClock clock;

    /**
     * A lease the tests let run out by moving the clock: longer than they could wait for in real time, shorter than
     * the leases of the jobs the application's own worker may be running meanwhile ({@code lingowire.jobs.lease}).
     */
    private static final Duration LEASE = Duration.ofSeconds(20);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void twoWorkersOnOneDatabaseNeverTakeTheSameJob() throws Exception {
        String kind = "test.race." + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 120; i++) {
            queue.enqueue(JobQueue.NewJob.of(kind, "{\"n\":" + i + "}"));
        }
        Map<String, String> takenBy = new ConcurrentHashMap<>();
        AtomicInteger doubles = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = List.of("alpha", "beta").stream().map(name -> new Thread(() -> {
            try {
                start.await();
                long deadline = System.currentTimeMillis() + 60_000;
                while (takenBy.size() < 120 && System.currentTimeMillis() < deadline) {
                    List<Job> batch = queue.claim(kind, 3, name, Duration.ofMinutes(1));
                    if (batch.isEmpty()) {
                        Thread.sleep(2);
                    }
                    for (Job job : batch) {
                        if (takenBy.putIfAbsent(job.id, name) != null) {
                            doubles.incrementAndGet();
                        }
                        assertTrue(queue.complete(job.id, name));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | AssertionError e) {
                // a claim that fails (a deadlock between the workers' claims) must show here, not end a thread
                failure.compareAndSet(null, e);
            }
        })).toList();
        workers.forEach(Thread::start);
        start.countDown();
        for (Thread worker : workers) {
            worker.join(90_000);
        }
        assertEquals(null, failure.get(), "a worker's claim or completion failed");
        assertEquals(0, doubles.get(), "no job was claimed twice");
        assertEquals(120, takenBy.size());
        assertEquals(120, queue.count(kind, Job.Status.done));
        assertTrue(takenBy.containsValue("alpha") && takenBy.containsValue("beta"), "both workers took jobs");
    }

    @Test
    void claimsTakeUrgentJobsFirstThenTheOldestHoweverLongTheQueue() throws Exception {
        String kind = "test.order." + UUID.randomUUID().toString().substring(0, 8);
        List<Job> normal = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            normal.add(queue.enqueue(JobQueue.NewJob.of(kind, "{\"n\":" + i + "}")));
            // Connector/J sends MariaDB whole seconds: a few distinct times are enough to see the order
            if (i % 10 == 9) {
                clock.advance(Duration.ofMillis(1100));
            }
        }
        Job urgent = queue.enqueue(JobQueue.NewJob.of(kind, "{\"urgent\":true}").priority(10));
        List<Job> first = queue.claim(kind, 1, "w", Duration.ofMinutes(1));
        assertEquals(List.of(urgent.id), first.stream().map(j -> j.id).toList(), "the urgent job, though newest");
        // then the normal ones by age: the first ten were queued before the rest (ties within a second in any order)
        List<String> next = queue.claim(kind, 10, "w", Duration.ofMinutes(1)).stream().map(j -> j.id).toList();
        assertEquals(10, next.size());
        assertEquals(java.util.Set.copyOf(normal.subList(0, 10).stream().map(j -> j.id).toList()),
                java.util.Set.copyOf(next), "the oldest ten");
        assertEquals(20, queue.count(kind, Job.Status.queued));
    }

    @Test
    void anExpiredLeaseLetsAnotherWorkerTakeTheJobOver() throws Exception {
        String kind = "test.lease." + UUID.randomUUID().toString().substring(0, 8);
        Job job = queue.enqueue(JobQueue.NewJob.of(kind, "{}"));
        assertEquals(1, queue.claim(kind, 1, "crashed", LEASE).size());
        List<Job> again = takeOverExpired(kind, "survivor");
        assertEquals(1, again.size(), "the job with the expired lease was claimable again");
        assertEquals(job.id, again.get(0).id);
        assertEquals(2, again.get(0).attempts);
        assertTrue(!queue.complete(job.id, "crashed"), "the old worker lost its claim");
        assertTrue(queue.complete(job.id, "survivor"));
    }

    @Test
    void aRenewedLeaseKeepsTheJobAndOnlyItsHolderCanRenewIt() throws Exception {
        String kind = "test.renew." + UUID.randomUUID().toString().substring(0, 8);
        Job job = queue.enqueue(JobQueue.NewJob.of(kind, "{}"));
        assertEquals(1, queue.claim(kind, 1, "alive", LEASE).size());
        clock.advance(LEASE.minusSeconds(5));
        assertEquals(0, queue.renew("someone-else", List.of(job.id), LEASE));
        assertEquals(1, queue.renew("alive", List.of(job.id), LEASE));
        // past the first lease (and the whole second after it), within the renewed one
        clock.advance(Duration.ofSeconds(7));
        assertEquals(List.of(), queue.claim(kind, 1, "other", Duration.ofMinutes(1)), "the renewed lease holds");
        assertTrue(queue.complete(job.id, "alive"));
    }

    @Test
    void aWorkerWhoseJobWasTakenOverStoresNothingAndTheNewHolderCompletesWithItsResult() throws Exception {
        String kind = "test.fence." + UUID.randomUUID().toString().substring(0, 8);
        Job job = queue.enqueue(JobQueue.NewJob.of(kind, "{}"));
        assertEquals(1, queue.claim(kind, 1, "paused", LEASE).size());
        List<Job> taken = takeOverExpired(kind, "survivor");
        assertEquals(1, taken.size());
        JobQueue.Held.CURRENT.set(new JobQueue.Held(job.id, "paused"));
        try {
            org.junit.jupiter.api.Assertions.assertThrows(JobQueue.LeaseLost.class,
                    () -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(queue::completeHeld));
            assertEquals(1, queue.count(kind, Job.Status.running), "the paused worker changed nothing");
            JobQueue.Held.CURRENT.set(new JobQueue.Held(job.id, "survivor"));
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(queue::completeHeld);
        } finally {
            JobQueue.Held.CURRENT.remove();
        }
        assertEquals(1, queue.count(kind, Job.Status.done), "done in the transaction that stored the result");
        assertTrue(!queue.complete(job.id, "survivor"), "nothing left to complete afterwards");
    }

    /** Once a lease of {@link #LEASE} has run out, claims the job for {@code worker} (at most 10 s of tries). */
    private List<Job> takeOverExpired(String kind, String worker) {
        // two seconds past it: Connector/J sends MariaDB whole seconds (it takes "5.5.5-10.x" for a server without
        // fractional seconds), so the lease may end at the next whole second
        clock.advance(LEASE.plusSeconds(2));
        // SKIP LOCKED passes over a row another transaction (the background worker polling) holds for a moment
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> queue.claim(kind, 1, worker, Duration.ofMinutes(1)), not(empty()));
    }

    @Test
    void aJobForLaterIsDueWhenItsTimeComes() {
        String kind = "test.later." + UUID.randomUUID().toString().substring(0, 8);
        Job job = queue.enqueue(JobQueue.NewJob.of(kind, "{}").at(clock.instant().plusSeconds(20)));
        assertEquals(List.of(), queue.claim(kind, 1, "w", Duration.ofMinutes(1)), "not due yet");
        clock.advance(Duration.ofSeconds(22));
        assertEquals(List.of(job.id), queue.claim(kind, 1, "w", Duration.ofMinutes(1)).stream().map(j -> j.id)
                .toList(), "due once the clock reaches it");
        assertTrue(queue.complete(job.id, "w"));
    }

    @Test
    void failuresBackOffThenTheJobIsDead() {
        String kind = "test.fail." + UUID.randomUUID().toString().substring(0, 8);
        Job job = queue.enqueue(JobQueue.NewJob.of(kind, "{}").attempts(2));
        queue.claim(kind, 1, "w", Duration.ofMinutes(1));
        Job afterFirst = queue.fail(job.id, "w", "boom", null);
        assertEquals(Job.Status.queued, afterFirst.status);
        assertTrue(afterFirst.runAt.isAfter(java.time.Instant.now().plusSeconds(4)), "backed off");
        assertTrue(queue.claim(kind, 1, "w", Duration.ofMinutes(1)).isEmpty(), "not due yet");
        Job retried = queue.enqueue(JobQueue.NewJob.of(kind, "{}"));
        assertNotEquals(job.id, retried.id);
        queue.requeue(job.id);
        queue.claim(kind, 5, "w", Duration.ofMinutes(1));
        queue.fail(job.id, "w", "boom again", null);
        Job dead = queue.fail(job.id, "w", "boom", null);
        assertTrue(dead.status == Job.Status.dead || dead.status == Job.Status.queued);
    }

    @Test
    void aPostponedJobWaitsWithoutUsingUpItsAttempts() {
        String kind = "test.postpone." + UUID.randomUUID().toString().substring(0, 8);
        Job job = queue.enqueue(JobQueue.NewJob.of(kind, "{}").attempts(1));
        for (int i = 0; i < 3; i++) {
            assertEquals(1, queue.claim(kind, 1, "w", Duration.ofMinutes(1)).size(), "claim " + i);
            Job waiting = queue.postpone(job.id, "w", "every engine resting", Duration.ZERO);
            assertEquals(Job.Status.queued, waiting.status, "postponed " + i);
            assertEquals(0, waiting.attempts);
            assertEquals("every engine resting", waiting.lastError);
        }
        queue.claim(kind, 1, "w", Duration.ofMinutes(1));
        assertEquals(Job.Status.dead, queue.fail(job.id, "w", "boom", null).status,
                "its one real attempt is still there to fail");
    }

    @Test
    void theSameDedupeKeyIsOneJobWhilePending() {
        String kind = "test.dedupe." + UUID.randomUUID().toString().substring(0, 8);
        Job first = queue.enqueue(JobQueue.NewJob.of(kind, "{}").dedupe(kind + ":a"));
        Job second = queue.enqueue(JobQueue.NewJob.of(kind, "{}").dedupe(kind + ":a"));
        assertEquals(first.id, second.id);
        queue.claim(kind, 1, "w", Duration.ofMinutes(1));
        queue.complete(first.id, "w");
        Job third = queue.enqueue(JobQueue.NewJob.of(kind, "{}").dedupe(kind + ":a"));
        assertNotEquals(first.id, third.id, "a finished job frees its key");

        // while a job runs, a request that it may have missed is not folded into it when the caller says so
        queue.claim(kind, 1, "w", Duration.ofMinutes(1));
        assertEquals(third.id, queue.enqueue(JobQueue.NewJob.of(kind, "{}").dedupe(kind + ":a")).id,
                "by default a running job stands for the request");
        Job fourth = queue.enqueue(JobQueue.NewJob.of(kind, "{}").dedupe(kind + ":a").repeatIfRunning());
        assertNotEquals(third.id, fourth.id, "a new job follows the running one");
        assertEquals(Job.Status.queued, fourth.status);
        assertEquals(fourth.id, queue.enqueue(JobQueue.NewJob.of(kind, "{}").dedupe(kind + ":a").repeatIfRunning()).id,
                "and stands for later requests while it waits");
        assertTrue(queue.complete(third.id, "w"), "the running job still completes");
    }

    @Test
    void finishedJobsArePurgedAfterTheirTimeAndDeadOnesAreKept() {
        String kind = "purge-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Job done = queue.enqueue(JobQueue.NewJob.of(kind, "{}"));
        Job dead = queue.enqueue(JobQueue.NewJob.of(kind, "{}").attempts(1));
        Job waiting = queue.enqueue(JobQueue.NewJob.of(kind, "{}").at(java.time.Instant.now().plusSeconds(3600)));
        assertEquals(2, queue.claim(kind, 5, "w", Duration.ofMinutes(1)).size());
        assertTrue(queue.complete(done.id, "w"));
        queue.fail(dead.id, "w", "boom", null);
        // the database may hold other tests' jobs: what is asserted is this kind's
        purgeAll(java.time.Instant.now().minusSeconds(60));
        assertEquals(1, queue.count(kind, Job.Status.done), "finished a moment ago: not old enough yet");
        // MariaDB through Connector/J keeps whole seconds (docs/operations.md, "One artifact, any database"): a cut-off two seconds on
        purgeAll(java.time.Instant.now().plusSeconds(2));
        assertEquals(0, queue.count(kind, Job.Status.done));
        assertEquals(1, queue.count(kind, Job.Status.dead), "dead jobs stay for the operator");
        assertEquals(1, queue.count(kind, Job.Status.queued), "a job still to run stays: " + waiting.id);
    }

    private void purgeAll(java.time.Instant before) {
        int purged;
        do {
            purged = queue.purgeDone(before, 100);
        } while (purged > 0);
    }
}
