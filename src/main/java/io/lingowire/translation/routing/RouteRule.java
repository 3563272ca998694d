package io.lingowire.translation.routing;

import io.lingowire.locale.LanguageTags;
import io.lingowire.article.ArticleRevision;
import io.lingowire.article.SourceRef;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A routing rule as the router applies it: each list criterion is empty when the configuration left it out, and
 * an empty criterion matches everything. Kept apart from the {@code @ConfigMapping} so that matching and validation
 * can be tested without booting the application.
 */
public record RouteRule(String name, List<String> sourceLanguages, List<String> targetLanguages, List<String> sources,
                        List<String> partners, Boolean embargoed, boolean selfHostedOnly, List<String> chain) {

    static RouteRule of(RoutingConfig.Rule rule) {
        return new RouteRule(rule.name(), trimmed(rule.sourceLanguages().orElse(List.of())),
                trimmed(rule.targetLanguages().orElse(List.of())), trimmed(rule.sources().orElse(List.of())),
                trimmed(rule.partners().orElse(List.of())), rule.embargoed().orElse(null), rule.selfHostedOnly(),
                trimmed(rule.chain().orElse(List.of())));
    }

    private static List<String> trimmed(List<String> values) {
        return values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** Whether the rule applies to translating {@code revision} into {@code language} at {@code now}. */
    public boolean matches(ArticleRevision revision, Instant embargoUntil, String language, Instant now,
                           Takers takers) {
        if (!sourceLanguages.isEmpty() && sourceLanguages.stream().noneMatch(r -> LanguageTags.matches(r, revision.language))) {
            return false;
        }
        if (!targetLanguages.isEmpty() && targetLanguages.stream().noneMatch(r -> LanguageTags.matches(r, language))) {
            return false;
        }
        if (!sources.isEmpty() && sources.stream().noneMatch(s -> fromSource(revision, s))) {
            return false;
        }
        if (embargoed != null && embargoed != (embargoUntil != null && embargoUntil.isAfter(now))) {
            return false;
        }
        return partners.isEmpty() || takers.anyTakes(partners, revision, language);
    }

    private static boolean fromSource(ArticleRevision revision, String source) {
        if (source.equalsIgnoreCase(revision.sourceName)) {
            return true;
        }
        return revision.sourceChain != null && revision.sourceChain.stream()
                .anyMatch(ref -> !SourceRef.CITED.equals(ref.role()) && source.equalsIgnoreCase(ref.name()));
    }

    /**
     * Stops the start-up when a rule has no name or names a provider that is not configured: a typo would otherwise
     * send embargoed copy down the default chain.
     */
    public static void validate(List<RouteRule> rules, Set<String> configured, Map<String, ?> limits) {
        for (int i = 0; i < rules.size(); i++) {
            RouteRule rule = rules.get(i);
            if (rule.name() == null || rule.name().isBlank()) {
                throw new IllegalStateException("lingowire.routing.rules[" + i + "] has no name");
            }
            for (String provider : rule.chain()) {
                if (!configured.contains(provider)) {
                    throw new IllegalStateException("lingowire.routing.rules[" + i + "] ('" + rule.name()
                            + "') names provider '" + provider + "', but the configured providers "
                            + "(lingowire.translation.providers) are " + configured);
                }
            }
        }
        Set<String> configuredKeys = configured.stream().map(RoutingConfig::providerKey)
                .collect(Collectors.toSet());
        for (String provider : limits.keySet()) {
            if (!configuredKeys.contains(RoutingConfig.providerKey(provider))) {
                throw new IllegalStateException("lingowire.routing.limits names provider '" + provider
                        + "', but the configured providers (lingowire.translation.providers) are " + configured);
            }
        }
    }
}
