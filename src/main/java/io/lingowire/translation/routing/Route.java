package io.lingowire.translation.routing;

import io.lingowire.translation.provider.LanguagePair;
import io.lingowire.translation.provider.TranslationProvider;

import java.time.Instant;
import java.util.List;

/**
 * The providers to try for one translation, in order, and the rule that chose them. When none is usable,
 * {@code whyEmpty} says why in words an editor can act on (the translation's error), and {@code retryAt} when the
 * first of them is back, if any is only resting, behind an open circuit or out of this month's budget.
 *
 * @param pair    the language pair the providers were chosen for
 * @param skipped configured providers of the rule's chain left out, each with its reason ({@code deepl: circuit open})
 */
public record Route(String rule, LanguagePair pair, List<TranslationProvider> providers, List<String> skipped,
                    String whyEmpty, Instant retryAt) {

    public boolean isEmpty() {
        return providers.isEmpty();
    }

    /** The route as recorded on the translation: rule, providers tried with their failures, providers skipped. */
    public String describe(List<String> tried) {
        StringBuilder out = new StringBuilder(rule).append(": ").append(String.join(" > ", tried));
        if (!skipped.isEmpty()) {
            out.append(" (skipped ").append(String.join("; ", skipped)).append(')');
        }
        return out.toString();
    }
}
