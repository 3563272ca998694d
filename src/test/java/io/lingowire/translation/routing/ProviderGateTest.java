package io.lingowire.translation.routing;

import io.lingowire.translation.provider.LanguagePair;
import io.lingowire.translation.provider.ProviderException;
import io.lingowire.translation.provider.Terminology;
import io.lingowire.translation.provider.TranslationProvider;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A provider's own concurrency limit (APy's two requests per pipeline) holds when routing configures none: six job
 * threads calling at once never have more than two calls in flight, while a provider without one gets them all.
 */
@QuarkusTest
class ProviderGateTest {

    @Inject
    ProviderGate gate;

    /**
     * An engine whose calls last until the test {@linkplain #release() releases} them, and which notes how many calls
     * it had at once.
     */
    static final class SlowEngine implements TranslationProvider {
        final String name = "slow-" + UUID.randomUUID().toString().substring(0, 8);
        final OptionalInt own;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        private final CountDownLatch released = new CountDownLatch(1);

        SlowEngine(OptionalInt own) {
            this.own = own;
        }

        /** Lets every call in flight, and every later one, finish. */
        void release() {
            released.countDown();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean selfHosted() {
            return true;
        }

        @Override
        public String model(LanguagePair pair) {
            return "slow";
        }

        @Override
        public Set<LanguagePair> pairs() {
            return Set.of(new LanguagePair("en", "es"));
        }

        @Override
        public OptionalInt maxConcurrent() {
            return own;
        }

        @Override
        public List<String> translate(LanguagePair pair, List<String> segments, Terminology terminology) {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                if (!released.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the call");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            return segments;
        }
    }

    /**
     * Six calls at once: once {@code settles} of them are in flight and no more start for a moment, all are
     * released (well within the 2 s limit wait of those still waiting for a slot); returns the most in flight at once.
     */
    private int mostAtOnce(SlowEngine engine, int settles) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(threads.submit(() -> gate.translate(engine, new LanguagePair("en", "es"),
                        List.of("Hello."), Terminology.NONE)));
            }
            await().atMost(Duration.ofSeconds(1)).until(() -> engine.inFlight.get() >= settles);
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1))
                    .until(() -> engine.inFlight.get() == settles);
            engine.release();
            for (Future<List<String>> call : calls) {
                assertEquals(List.of("Hello."), call.get(), "every call went through within the limit wait");
            }
        } finally {
            engine.release(); // a failed assertion must not leave calls hanging
            threads.shutdown();
        }
        return engine.most.get();
    }

    @Test
    void aProvidersOwnLimitHoldsWhenNoneIsConfigured() throws Exception {
        SlowEngine apyLike = new SlowEngine(OptionalInt.of(2));
        assertEquals(2, mostAtOnce(apyLike, 2));
        assertEquals(OptionalInt.of(2), gate.maxConcurrent(apyLike));

        SlowEngine unlimited = new SlowEngine(OptionalInt.empty());
        assertTrue(mostAtOnce(unlimited, 6) > 2, "without a limit the calls overlap");
    }

    @Test
    void aCallThatGetsNoSlotWithinTheLimitWaitIsBusyNotRateLimited() throws Exception {
        SlowEngine engine = new SlowEngine(OptionalInt.of(1));
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            Future<List<String>> first = threads.submit(() -> gate.translate(engine, new LanguagePair("en", "es"),
                    List.of("Hello."), Terminology.NONE));
            await().atMost(Duration.ofSeconds(10)).until(() -> engine.inFlight.get() == 1);
            // the first call holds the slot for longer than the 2 s limit wait
            ProviderException busy = assertThrows(ProviderException.class, () -> gate.translate(engine,
                    new LanguagePair("en", "es"), List.of("Hello."), Terminology.NONE));
            assertEquals(ProviderException.Kind.BUSY, busy.kind, "nothing was sent: " + busy.getMessage());
            assertEquals(1, engine.inFlight.get());
            engine.release();
            assertEquals(List.of("Hello."), first.get(10, TimeUnit.SECONDS),
                    "the call holding the slot is not disturbed");
            assertEquals(1, engine.most.get());
        } finally {
            engine.release(); // a failed assertion must not leave calls hanging
            threads.shutdown();
        }
    }
}
