package io.lingowire.translation.routing;

import io.lingowire.translation.provider.LanguagePair;
import io.lingowire.translation.provider.ProviderException;
import io.lingowire.translation.provider.Terminology;
import io.lingowire.translation.provider.TranslationProvider;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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

    /** An engine that takes {@code millis} a call (200 by default) and notes how many calls it had at once. */
    static final class SlowEngine implements TranslationProvider {
        final String name = "slow-" + UUID.randomUUID().toString().substring(0, 8);
        final OptionalInt own;
        final long millis;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();

        SlowEngine(OptionalInt own) {
            this(own, 200);
        }

        SlowEngine(OptionalInt own, long millis) {
            this.own = own;
            this.millis = millis;
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
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            return segments;
        }
    }

    private int mostAtOnce(SlowEngine engine) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(threads.submit(() -> gate.translate(engine, new LanguagePair("en", "es"),
                        List.of("Hello."), Terminology.NONE)));
            }
            for (Future<List<String>> call : calls) {
                assertEquals(List.of("Hello."), call.get(), "every call went through within the limit wait");
            }
        } finally {
            threads.shutdown();
        }
        return engine.most.get();
    }

    @Test
    void aProvidersOwnLimitHoldsWhenNoneIsConfigured() throws Exception {
        SlowEngine apyLike = new SlowEngine(OptionalInt.of(2));
        assertEquals(2, mostAtOnce(apyLike));
        assertEquals(OptionalInt.of(2), gate.maxConcurrent(apyLike));

        SlowEngine unlimited = new SlowEngine(OptionalInt.empty());
        assertTrue(mostAtOnce(unlimited) > 2, "without a limit the calls overlap");
    }

    @Test
    void aCallThatGetsNoSlotWithinTheLimitWaitIsBusyNotRateLimited() throws Exception {
        SlowEngine engine = new SlowEngine(OptionalInt.of(1), 3_000);
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            Future<List<String>> first = threads.submit(() -> gate.translate(engine, new LanguagePair("en", "es"),
                    List.of("Hello."), Terminology.NONE));
            while (engine.inFlight.get() == 0) {
                Thread.sleep(10);
            }
            ProviderException busy = assertThrows(ProviderException.class, () -> gate.translate(engine,
                    new LanguagePair("en", "es"), List.of("Hello."), Terminology.NONE));
            assertEquals(ProviderException.Kind.BUSY, busy.kind, "nothing was sent: " + busy.getMessage());
            assertEquals(List.of("Hello."), first.get(), "the call holding the slot is not disturbed");
            assertEquals(1, engine.most.get());
        } finally {
            threads.shutdown();
        }
    }
}
