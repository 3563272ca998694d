package io.lingowire.support;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class or method that translates with the real Apertium engine: tagged {@code engine}, and skipped, with
 * what is missing and how to install it as the reason, where the engine is not installed ({@link Engine}).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(Engine.TAG)
@ExtendWith(Engine.class)
public @interface NeedsEngine {

    /** The pairs (Apertium mode names) it translates with. */
    String[] value() default {"eng-spa"};

    /** Whether it runs an APy server as well. */
    boolean apy() default false;
}
