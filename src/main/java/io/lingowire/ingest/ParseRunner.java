package io.lingowire.ingest;

import io.lingowire.common.error.ApiProblem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs document parsing on its own bounded pool, off the event loop and off the request workers, with a time
 * limit. A parse that overruns is abandoned and interrupted; a full queue answers 503 rather than piling up memory.
 */
@ApplicationScoped
public class ParseRunner {

    private final ThreadPoolExecutor pool;
    private final IngestConfig config;

    ParseRunner(IngestConfig config, MeterRegistry registry) {
        this.config = config;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(config.parseThreads(), config.parseThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.parseQueue()), r -> {
                    Thread t = new Thread(r, "lingowire-parse-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        ExecutorServiceMetrics.monitor(registry, pool, "lingowire.parse");
    }

    public <T> T run(Callable<T> work) {
        Future<T> future;
        try {
            future = pool.submit(work);
        } catch (RejectedExecutionException e) {
            throw new ApiProblem(503, "ingest-busy", "Service unavailable",
                    "Too many documents are being parsed right now; retry shortly");
        }
        try {
            return future.get(config.parseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw ApiProblem.unreadable("parse-timeout", "The document took longer than "
                    + config.parseTimeout().toSeconds() + " s to read and was abandoned");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new ApiProblem(503, "ingest-interrupted", "Service unavailable", "The server is shutting down");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof StackOverflowError) {
                throw ApiProblem.unreadable("nesting-too-deep", "The document is nested too deeply to read");
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    @PreDestroy
    void shutdown() {
        pool.shutdownNow();
    }
}
