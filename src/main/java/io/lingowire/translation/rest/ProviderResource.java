package io.lingowire.translation.rest;

import io.lingowire.security.Role;
import io.lingowire.translation.provider.Providers;
import io.lingowire.translation.provider.TranslationProvider;
import io.lingowire.translation.routing.CircuitBreaker;
import io.lingowire.translation.routing.ProviderGate;
import io.lingowire.translation.routing.RoutingConfig;
import io.lingowire.translation.routing.UsageLedger;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

@Path("/api/v1/providers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.EDITOR})
public class ProviderResource {

    private final Providers providers;
    private final ProviderGate gate;
    private final UsageLedger usage;

    ProviderResource(Providers providers, ProviderGate gate, UsageLedger usage) {
        this.providers = providers;
        this.gate = gate;
        this.usage = usage;
    }

    /** Per-provider limits in force (configured, else the provider's own); {@code null} where there is none. */
    public record Limits(Integer maxConcurrent, Integer requestsPerMinute, BigDecimal costPerMillionChars) {
    }

    /**
     * @param health              {@code up} when the provider reports pairs, {@code down} when it cannot be reached
     * @param restingUntil        set while the provider is out of the chain (Retry-After, exhausted quota)
     * @param circuit             {@code closed}, {@code open} (left out of every chain) or {@code half-open}
     * @param circuitOpenUntil    while open: when one trial call will be let through
     * @param charactersThisMonth characters sent to the provider this calendar month (UTC), all replicas
     * @param costThisMonth       those characters at {@code limits.costPerMillionChars}, in the provider's currency
     * @param monthlyBudget       spend after which the provider is skipped until next month; {@code null}: none
     */
    public record View(String name, boolean selfHosted, String health, Instant restingUntil, List<String> pairs,
                       String circuit, Instant circuitOpenUntil, long charactersThisMonth, long requestsThisMonth,
                       BigDecimal costThisMonth, BigDecimal monthlyBudget, Limits limits) {
    }

    @GET
    public List<View> list() {
        return providers.all().stream().map(this::view).toList();
    }

    private View view(TranslationProvider provider) {
        List<String> pairs = provider.pairs().stream().map(Object::toString).sorted().toList();
        CircuitBreaker circuit = gate.circuit(provider.name());
        UsageLedger.Usage used = usage.thisMonth(provider.name());
        RoutingConfig.Limits limits = gate.limits(provider.name()).orElse(null);
        return new View(provider.name(), provider.selfHosted(), pairs.isEmpty() ? "down" : "up",
                gate.restingUntil(provider.name()).orElse(null), pairs, circuit.state().label(),
                circuit.openUntil(), used.characters(), used.requests(), used.cost(),
                gate.monthlyBudget(provider.name()).orElse(null),
                new Limits(boxed(gate.maxConcurrent(provider)),
                        limits == null ? null : boxed(limits.requestsPerMinute()), gate.costPerMillion(provider)));
    }

    private static Integer boxed(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }
}
