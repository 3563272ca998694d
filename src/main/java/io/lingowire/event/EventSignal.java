package io.lingowire.event;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Duration;

/**
 * Tells readers of the event log that it changed. Events written by this replica count as soon as their transaction
 * commits; events written by other replicas are noticed by a once-a-second look at the log. Long-polling feed
 * readers wait on it, and cached feed pages are valid only for the generation they were made in.
 */
@ApplicationScoped
public class EventSignal {

    private final EventLog log;
    private long latest = -1;
    private long generation;

    EventSignal(EventLog log) {
        this.log = log;
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventLog.Appended appended) {
        changed(appended.seq());
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void look() {
        long seq = log.latest();
        synchronized (this) {
            if (seq > latest) {
                changed(seq);
            }
        }
    }

    private synchronized void changed(long seq) {
        latest = Math.max(latest, seq);
        generation++;
        notifyAll();
    }

    /** Increases whenever the log is known to have changed. */
    public synchronized long generation() {
        return generation;
    }

    /** Blocks until the generation moves past {@code seen}, or {@code max} passes; returns whether it moved. */
    public synchronized boolean awaitChange(long seen, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (generation == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
