package io.lingowire.translation.provider;

import io.lingowire.translation.TranslationConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configured providers, found by name among the provider beans; a name that no provider answers to stops the
 * start-up with a message listing the names that exist.
 */
@Startup
@ApplicationScoped
public class Providers {

    private final Map<String, TranslationProvider> configured = new LinkedHashMap<>();
    /** Providers that asked us to wait (Retry-After) or whose quota is spent, and until when. */
    private final Map<String, Instant> resting = new ConcurrentHashMap<>();

    Providers(@Any Instance<TranslationProvider> all, TranslationConfig config) {
        Map<String, TranslationProvider> byName = new LinkedHashMap<>();
        all.forEach(p -> byName.put(p.name(), p));
        for (String name : config.providers()) {
            TranslationProvider provider = byName.get(name.strip());
            if (provider == null) {
                throw new IllegalStateException("lingowire.translation.providers names '" + name
                        + "', but the providers are " + new TreeSet<>(byName.keySet()));
            }
            provider.checkConfigured();
            configured.put(provider.name(), provider);
        }
    }

    /**
     * Takes a provider out of every chain after it said to slow down (for its Retry-After, else 30 s) or that its
     * quota is spent (until the quota's period ends when the provider says when, as for a daily limit, else until the
     * first day of next month, UTC, when monthly quotas reset).
     */
    public void rest(TranslationProvider provider, ProviderException e) {
        Instant until = switch (e.kind) {
            case RATE_LIMITED -> Instant.now().plus(e.retryAfter != null ? e.retryAfter
                    : Duration.ofSeconds(30));
            case QUOTA_EXHAUSTED -> e.retryAfter != null ? Instant.now().plus(e.retryAfter)
                    : nextMonth();
            default -> null;
        };
        if (until != null) {
            resting.put(provider.name(), until);
        }
    }

    /** The first day of next month, UTC: when monthly quotas and budgets start again. */
    public static Instant nextMonth() {
        return LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Until when a provider rests, if it does. */
    public Optional<Instant> restingUntil(String name) {
        return Optional.ofNullable(resting.get(name)).filter(t -> t.isAfter(Instant.now()));
    }

    public Optional<TranslationProvider> byName(String name) {
        return Optional.ofNullable(configured.get(name));
    }

    public List<TranslationProvider> all() {
        return List.copyOf(configured.values());
    }
}
