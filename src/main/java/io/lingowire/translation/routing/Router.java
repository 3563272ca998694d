package io.lingowire.translation.routing;

import io.lingowire.locale.LanguageTags;
import io.lingowire.article.ArticleRevision;
import io.lingowire.translation.provider.LanguagePair;
import io.lingowire.translation.provider.Providers;
import io.lingowire.translation.provider.TranslationProvider;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses the provider chain for one translation: the first rule that matches the article and target language gives
 * the chain (none: {@code lingowire.translation.providers}), and providers that cannot help now are left out — those
 * that lack the pair, rest after a Retry-After or a spent quota, have an open circuit, or have spent their monthly
 * budget — each with its reason, so that an empty route explains itself and says when to ask again.
 */
@Startup
@ApplicationScoped
public class Router {

    /** The rule name recorded when no rule matched. */
    public static final String DEFAULT = "default";

    /** How long a translation waits for a half-open circuit's trial call to settle before it asks again. */
    private static final Duration TRIAL_WAIT = Duration.ofSeconds(5);

    private final Providers providers;
    private final ProviderGate gate;
    private final List<RouteRule> rules;
    private final Takers takers;
    private final Clock clock;

    Router(Providers providers, ProviderGate gate, RoutingConfig config, Takers takers, Clock clock) {
        this.providers = providers;
        this.gate = gate;
        this.takers = takers;
        this.clock = clock;
        this.rules = config.rules().orElse(List.of()).stream().map(RouteRule::of).toList();
        Set<String> configured = new LinkedHashSet<>();
        providers.all().forEach(p -> configured.add(p.name()));
        RouteRule.validate(rules, configured, config.limits());
    }

    /** The language pair a translation of {@code revision} into {@code language} is routed, and its glossary read, for. */
    public static LanguagePair pair(ArticleRevision revision, String language) {
        return new LanguagePair(LanguageTags.primary(revision.language), LanguageTags.primary(language));
    }

    /** The rule that applies (null: none) and the providers it names, before their state is looked at. */
    private record Choice(RouteRule rule, LanguagePair pair, List<TranslationProvider> candidates) {

        boolean selfHostedOnly() {
            return rule != null && rule.selfHostedOnly();
        }
    }

    private Choice choose(ArticleRevision revision, Instant embargoUntil, String language) {
        Instant now = clock.instant();
        RouteRule rule = rules.stream().filter(r -> r.matches(revision, embargoUntil, language, now, takers))
                .findFirst().orElse(null);
        LanguagePair pair = pair(revision, language);
        List<TranslationProvider> candidates = rule == null || rule.chain().isEmpty() ? providers.all()
                : rule.chain().stream().map(n -> providers.byName(n).orElseThrow()).toList();
        return new Choice(rule, pair, candidates);
    }

    /**
     * Whether the route for this translation names an engine that has the pair at all, whatever its state now (a
     * provider resting or with an open circuit will be back): what is worth queueing.
     */
    public boolean translatable(ArticleRevision revision, Instant embargoUntil, String language) {
        Choice choice = choose(revision, embargoUntil, language);
        return choice.candidates().stream().anyMatch(p -> (!choice.selfHostedOnly() || p.selfHosted())
                && p.pairs().contains(choice.pair()));
    }

    /** The route for translating {@code revision} (under embargo until {@code embargoUntil}) into {@code language}. */
    public Route route(ArticleRevision revision, Instant embargoUntil, String language) {
        Choice choice = choose(revision, embargoUntil, language);
        RouteRule rule = choice.rule();
        String name = rule == null ? DEFAULT : rule.name();
        List<TranslationProvider> usable = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Instant retryAt = null;
        for (TranslationProvider provider : choice.candidates()) {
            Skip skip = unusable(provider, choice.pair(), choice.selfHostedOnly());
            if (skip == null) {
                usable.add(provider);
            } else {
                skipped.add(provider.name() + ": " + skip.reason());
                if (skip.until() != null && (retryAt == null || skip.until().isBefore(retryAt))) {
                    retryAt = skip.until();
                }
            }
        }
        String why = null;
        if (usable.isEmpty()) {
            String scope = rule == null ? "no routing rule matched, so the default chain applies"
                    : "rule '" + name + "'" + (rule.selfHostedOnly() ? " allows only self-hosted engines" : " applies");
            why = choice.candidates().isEmpty() ? scope + "; it names no provider"
                    : scope + "; none translates " + choice.pair() + " now (" + String.join("; ", skipped) + ")";
        }
        return new Route(name, choice.pair(), usable, skipped, why, usable.isEmpty() ? retryAt : null);
    }

    /** Why a provider cannot take a translation now, and when it can again ({@code null}: waiting will not help). */
    private record Skip(String reason, Instant until) {
    }

    private Skip unusable(TranslationProvider provider, LanguagePair pair, boolean selfHostedOnly) {
        if (selfHostedOnly && !provider.selfHosted()) {
            return new Skip("not self-hosted", null);
        }
        if (!provider.pairs().contains(pair)) {
            return new Skip("does not translate " + pair, null);
        }
        Instant resting = gate.restingUntil(provider.name()).orElse(null);
        if (resting != null) {
            return new Skip("resting until " + resting, resting);
        }
        CircuitBreaker circuit = gate.circuit(provider.name());
        if (!circuit.available()) {
            Instant until = circuit.openUntil();
            return until != null ? new Skip("circuit open until " + until, until)
                    : new Skip("circuit half-open, trial call in progress", clock.instant().plus(TRIAL_WAIT));
        }
        if (gate.budgetSpent(provider.name())) {
            return new Skip("monthly budget spent", ProviderGate.nextMonth());
        }
        return null;
    }
}
