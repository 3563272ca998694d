package io.lingowire.translation.routing;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routing as ops set it on Kubernetes: environment variables only, read by the same SmallRye mapping the gateway
 * uses, in the forms docs/translation.md gives (indexed rules, plain and hyphenated provider names in limits).
 */
class RoutingEnvironmentTest {

    private static RoutingConfig fromEnvironment(Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(environment, 300))
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(RoutingConfig.class)
                .build();
        return config.getConfigMapping(RoutingConfig.class);
    }

    @Test
    void rulesLimitsAndCircuitComeFromEnvironmentVariables() {
        RoutingConfig routing = fromEnvironment(Map.ofEntries(
                Map.entry("LINGOWIRE_ROUTING_RULES_0__NAME", "embargoed"),
                Map.entry("LINGOWIRE_ROUTING_RULES_0__EMBARGOED", "true"),
                Map.entry("LINGOWIRE_ROUTING_RULES_0__SELF_HOSTED_ONLY", "true"),
                Map.entry("LINGOWIRE_ROUTING_RULES_1__NAME", "catalan"),
                Map.entry("LINGOWIRE_ROUTING_RULES_1__TARGET_LANGUAGES", "ca,ca-valencia"),
                Map.entry("LINGOWIRE_ROUTING_RULES_1__CHAIN", "apertium-apy,apertium"),
                Map.entry("LINGOWIRE_ROUTING_LIMITS_DEEPL_MONTHLY_BUDGET", "200"),
                Map.entry("LINGOWIRE_ROUTING_LIMITS_DEEPL_MAX_CONCURRENT", "4"),
                Map.entry("LINGOWIRE_ROUTING_LIMITS__APERTIUM_APY__MAX_CONCURRENT", "2"),
                Map.entry("LINGOWIRE_ROUTING_CIRCUIT_OPEN_FOR", "45s")));

        List<RoutingConfig.Rule> rules = routing.rules().orElseThrow();
        assertEquals(2, rules.size());
        assertEquals("embargoed", rules.get(0).name());
        assertEquals(Optional.of(true), rules.get(0).embargoed());
        assertTrue(rules.get(0).selfHostedOnly());
        assertEquals("catalan", rules.get(1).name());
        assertEquals(Optional.of(List.of("ca", "ca-valencia")), rules.get(1).targetLanguages());
        assertEquals(Optional.of(List.of("apertium-apy", "apertium")), rules.get(1).chain());

        assertEquals(Optional.of(new BigDecimal("200")), routing.limits().get("deepl").monthlyBudget());
        assertEquals(OptionalInt.of(4), routing.limits().get("deepl").maxConcurrent());
        // the environment cannot tell apertium-apy from apertium.apy: keys are matched without punctuation
        assertEquals(Map.of("apertiumapy", OptionalInt.of(2), "deepl", OptionalInt.of(4)),
                routing.limits().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        e -> RoutingConfig.providerKey(e.getKey()), e -> e.getValue().maxConcurrent())));
        assertEquals(RoutingConfig.providerKey("apertium-apy"), RoutingConfig.providerKey("Apertium.APY"));
        RouteRule.validate(List.of(), java.util.Set.of("deepl", "apertium-apy"), routing.limits());
        assertEquals(Duration.ofSeconds(45), routing.circuit().openFor());
        assertEquals(5, routing.circuit().failureThreshold(), "the default stays");
    }
}
