package io.lingowire.support;

import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

import java.util.function.Predicate;

/** For Awaitility: a condition on what a probe returns, so that a wait that times out says what it saw last. */
public final class Waiting {

    private Waiting() {
    }

    /** Matches what satisfies {@code done}; a timeout reads "expected {@code what} but was (the last value)". */
    public static <T> Matcher<T> satisfies(Predicate<? super T> done, String what) {
        return new BaseMatcher<>() {
            @Override
            @SuppressWarnings("unchecked")
            public boolean matches(Object actual) {
                return done.test((T) actual);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(what);
            }
        };
    }
}
