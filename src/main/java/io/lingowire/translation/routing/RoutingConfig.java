package io.lingowire.translation.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which providers translate what, and how hard each may be used. Rules are tried in order and the first that
 * matches an article and target language gives the chain; with no rule (or none matching) the chain is
 * {@code lingowire.translation.providers}, exactly as before routing existed.
 */
@ConfigMapping(prefix = "lingowire.routing")
public interface RoutingConfig {

    /** Routing rules, first match wins. */
    Optional<List<Rule>> rules();

    /**
     * Per-provider limits and prices, keyed by provider name; a provider without an entry has no limits. Keys are
     * matched by {@link #providerKey}: an environment variable cannot tell {@code apertium-apy} from
     * {@code apertium.apy}.
     */
    Map<String, Limits> limits();

    /** A provider name or limits key without case and punctuation: {@code apertium-apy} and {@code apertium.apy} meet. */
    static String providerKey(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** When a provider is taken out of the chain after consecutive failures. */
    Circuit circuit();

    /** How long a call waits for a concurrency slot or a rate-limit token before the chain moves on. */
    @WithDefault("2s")
    Duration limitWait();

    /** How long a replica trusts the usage it read from {@code provider_usage} for budget checks. */
    @WithDefault("5s")
    Duration usageCache();

    /** One routing rule. Every criterion given must match; a criterion left out matches everything. */
    interface Rule {

        /** Shown in the translation's route and in errors. */
        String name();

        /** BCP47 basic ranges of the article language ({@code en}, {@code *}). */
        Optional<List<String>> sourceLanguages();

        /** BCP47 basic ranges of the target language. */
        Optional<List<String>> targetLanguages();

        /** Ingest source, originator or distributor names as stored on the revision (case-insensitive). */
        Optional<List<String>> sources();

        /** Partner ids or names: matches when one of them is entitled to the target language and the source. */
        Optional<List<String>> partners();

        /** {@code true}: only content under embargo now; {@code false}: only content not under embargo. */
        Optional<Boolean> embargoed();

        /** Only engines we operate ({@code selfHosted()}) may translate: no text leaves the site. */
        @WithDefault("false")
        boolean selfHostedOnly();

        /** Providers to try, in order; left out: {@code lingowire.translation.providers}. */
        Optional<List<String>> chain();
    }

    /** Limits and price of one provider. */
    interface Limits {

        /** Calls in flight at once from this replica. */
        OptionalInt maxConcurrent();

        /** Calls started per minute from this replica. */
        OptionalInt requestsPerMinute();

        /** Spend allowed per calendar month (UTC), in the provider's currency; reached: the provider is skipped. */
        Optional<BigDecimal> monthlyBudget();

        /** Price per million characters sent; left out: the list price in docs/translation.md (0 for self-hosted). */
        Optional<BigDecimal> costPerMillionChars();
    }

    /** Circuit breaker settings, shared by every provider. */
    interface Circuit {

        /** Consecutive transient failures (5xx, timeouts, network) that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit keeps the provider out before one trial call is let through. */
        @WithDefault("30s")
        Duration openFor();
    }
}
