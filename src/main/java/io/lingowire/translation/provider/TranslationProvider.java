package io.lingowire.translation.provider;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A machine-translation engine. Implementations are CDI beans annotated {@code @Named("<name>")}; configuration
 * selects them by that name. Segments arrive with protected spans already replaced by {@code <ph id="n"/>} elements
 * and XML-escaped text, and must come back in the same order, one translation per segment.
 */
public interface TranslationProvider {

    /** The configured name, e.g. {@code apertium}. */
    String name();

    /** Runs on infrastructure we operate (no text leaves the site): embargoed copy may be restricted to these. */
    boolean selfHosted();

    /** The engine and model that produce a pair's output, recorded with every translation and in the TM key. */
    String model(LanguagePair pair);

    /** The pairs the engine translates, as the engine itself reports them. */
    Set<LanguagePair> pairs();

    /**
     * Whether the engine takes this pair's glossary in its own form. When it does, glossary terms stay in the segments
     * as text and arrive as {@link Terminology}; when it does not, they arrive as placeholders like any protected span.
     */
    default boolean nativeGlossary(LanguagePair pair) {
        return false;
    }

    /** @param terminology the pair's glossary when {@link #nativeGlossary} said yes, else {@link Terminology#NONE} */
    List<String> translate(LanguagePair pair, List<String> segments, Terminology terminology) throws ProviderException;

    default List<String> translate(LanguagePair pair, List<String> segments) throws ProviderException {
        return translate(pair, segments, Terminology.NONE);
    }

    /**
     * Calls in flight at once from this replica that the engine serves best, applied when
     * {@code lingowire.routing.limits."<name>".max-concurrent} is not set; empty: no limit of its own.
     */
    default OptionalInt maxConcurrent() {
        return OptionalInt.empty();
    }

    /** Throws when the provider lacks configuration it needs; called at start-up for every configured provider. */
    default void checkConfigured() {
    }
}
