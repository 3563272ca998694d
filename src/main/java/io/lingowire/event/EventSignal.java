package io.lingowire.event;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Duration;

/**
 * Wakes long-polling feed readers when the event log grows. Events written by this replica wake readers as soon as
 * their transaction commits; events written by other replicas are noticed by a once-a-second look at the log.
 */
@ApplicationScoped
public class EventSignal {

    private final EventLog log;
    private long latest = -1;

    EventSignal(EventLog log) {
        this.log = log;
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventLog.Appended appended) {
        advance(appended.seq());
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void look() {
        advance(log.latest());
    }

    private synchronized void advance(long seq) {
        if (seq > latest) {
            latest = seq;
            notifyAll();
        }
    }

    /**
     * Blocks until the log holds an event after {@code seq}, or {@code max} passes. Returns whether it did; a caller
     * still re-reads the log, as the new event need not be one it may see.
     */
    public synchronized boolean awaitAfter(long seq, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (latest <= seq) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
