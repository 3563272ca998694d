package io.lingowire.translation.routing;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Usage recorded from many threads at once, as from several replicas: the month's row is inserted by one of them
 * and every other increment still counts.
 */
@QuarkusTest
class UsageLedgerTest {

    @Inject
    UsageLedger ledger;

    @Test
    void concurrentFirstUseOfAMonthLosesNoIncrement() throws Exception {
        String provider = "race-" + RoutingStub.word();
        int calls = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    ledger.record(provider, 250, new BigDecimal("20"));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        UsageLedger.Usage usage = ledger.thisMonth(provider);
        assertEquals(calls * 250L, usage.characters());
        assertEquals(calls, usage.requests());
        assertEquals(0, new BigDecimal("0.08").compareTo(usage.cost()), "16 × 250 characters at 20 per million");
    }
}
