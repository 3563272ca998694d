package io.lingowire.translation.routing;

import io.lingowire.article.ArticleRevision;
import io.lingowire.article.SourceRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rule matching and start-up validation, without the application. */
class RoutingRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T01:00:00Z");

    private static RouteRule rule(List<String> sourceLanguages, List<String> targets, List<String> sources,
                                  List<String> partners, Boolean embargoed, List<String> chain) {
        return new RouteRule("r", sourceLanguages, targets, sources, partners, embargoed, false, chain);
    }

    private static ArticleRevision revision(String language, String source, SourceRef... chain) {
        ArticleRevision r = new ArticleRevision();
        r.language = language;
        r.sourceName = source;
        r.sourceChain = List.of(chain);
        return r;
    }

    /** Routing's question answered "no" (no partner takes anything). */
    private static final Takers NOBODY = (partners, revision, language) -> false;

    @Test
    void languagesMatchAsBcp47Ranges() {
        RouteRule spanish = rule(List.of("en"), List.of("es"), List.of(), List.of(), null, List.of());
        ArticleRevision english = revision("en-GB", "desk");
        assertTrue(spanish.matches(english, null, "es-419", NOW, NOBODY));
        assertFalse(spanish.matches(english, null, "fr", NOW, NOBODY));
        assertFalse(spanish.matches(revision("fa", "desk"), null, "es", NOW, NOBODY));
        assertTrue(rule(List.of(), List.of("*"), List.of(), List.of(), null, List.of())
                .matches(english, null, "ps", NOW, NOBODY));
    }

    @Test
    void sourceMatchesTheIngestSourceOrTheOriginatorButNotACitedName() {
        RouteRule reuters = rule(List.of(), List.of(), List.of("Reuters"), List.of(), null, List.of());
        assertTrue(reuters.matches(revision("en", "reuters"), null, "es", NOW, NOBODY));
        assertTrue(reuters.matches(revision("en", "wire-desk", new SourceRef("Reuters", SourceRef.ORIGINATOR)),
                null, "es", NOW, NOBODY));
        assertFalse(reuters.matches(revision("en", "wire-desk", new SourceRef("Reuters", SourceRef.CITED)),
                null, "es", NOW, NOBODY));
    }

    @Test
    void aRuleNamingPartnersAsksWhetherOneOfThemTakesTheStoryInTheLanguage() {
        RouteRule daily = rule(List.of(), List.of(), List.of(), List.of("Kabul Daily", "p-1"), null, List.of());
        List<String> asked = new ArrayList<>();
        Takers spanishOnly = (partners, revision, language) -> {
            asked.addAll(partners);
            return language.equals("es");
        };
        assertTrue(daily.matches(revision("en", "pajhwok"), null, "es", NOW, spanishOnly));
        assertFalse(daily.matches(revision("en", "pajhwok"), null, "fr", NOW, spanishOnly), "language");
        assertTrue(asked.containsAll(List.of("Kabul Daily", "p-1")), asked.toString());
        asked.clear();
        assertTrue(rule(List.of(), List.of(), List.of(), List.of(), null, List.of())
                .matches(revision("en", "x"), null, "fr", NOW, spanishOnly));
        assertTrue(asked.isEmpty(), "a rule that names no partner asks about none");
    }

    @Test
    void embargoedMeansUnderEmbargoNow() {
        RouteRule embargoed = rule(List.of(), List.of(), List.of(), List.of(), true, List.of());
        ArticleRevision r = revision("en", "desk");
        assertTrue(embargoed.matches(r, NOW.plusSeconds(60), "es", NOW, NOBODY));
        assertFalse(embargoed.matches(r, NOW.minusSeconds(60), "es", NOW, NOBODY), "embargo lifted");
        assertFalse(embargoed.matches(r, null, "es", NOW, NOBODY));
        assertTrue(rule(List.of(), List.of(), List.of(), List.of(), false, List.of()).matches(r, null, "es", NOW, NOBODY));
    }

    @Test
    void anUnknownProviderInARuleStopsTheStartUp() {
        List<RouteRule> rules = List.of(rule(List.of(), List.of("es"), List.of(), List.of(), null, List.of("deepl", "gogle")));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RouteRule.validate(rules, Set.of("deepl", "google"), Map.of()));
        assertTrue(e.getMessage().contains("'gogle'") && e.getMessage().contains("lingowire.routing.rules[0]"),
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> RouteRule.validate(List.of(), Set.of("deepl"),
                Map.of("amazon", new Object())), "limits for a provider that is not configured");
        RouteRule.validate(List.of(rule(List.of(), List.of(), List.of(), List.of(), null, List.of("deepl"))),
                Set.of("deepl"), Map.of());
    }
}
