package io.lingowire.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Puts {@link TestClock#APP} in place of the application's clock ({@code io.lingowire.common.Clocks}) in every
 * {@code @QuarkusTest}. It follows the system clock, so tests that never touch it see no difference; a test that
 * moves it injects {@code TestClock} and resets it afterwards.
 */
@Singleton
public class TestClockProducer {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    TestClock clock() {
        return TestClock.APP;
    }
}
