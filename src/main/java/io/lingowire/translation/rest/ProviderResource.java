package io.lingowire.translation.rest;

import io.lingowire.security.Role;
import io.lingowire.translation.Translation;
import io.lingowire.translation.provider.Providers;
import io.lingowire.translation.provider.TranslationProvider;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

@Path("/api/v1/providers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.EDITOR})
public class ProviderResource {

    private final Providers providers;

    ProviderResource(Providers providers) {
        this.providers = providers;
    }

    /**
     * @param health     {@code up} when the provider reports pairs, {@code down} when it cannot be reached
     * @param restingUntil set while the provider is out of the chain (Retry-After, exhausted quota)
     * @param charactersThisMonth characters sent by the translations it last produced this month
     */
    public record View(String name, boolean selfHosted, String health, Instant restingUntil, List<String> pairs,
                       long charactersThisMonth) {
    }

    @GET
    @Transactional
    public List<View> list() {
        Instant monthStart = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return providers.all().stream().map(p -> view(p, monthStart)).toList();
    }

    private View view(TranslationProvider provider, Instant monthStart) {
        List<String> pairs = provider.pairs().stream().map(Object::toString).sorted().toList();
        Number characters = (Number) Translation.getEntityManager().createQuery(
                        "select coalesce(sum(t.charactersSent), 0) from Translation t "
                                + "where t.provider = ?1 and t.updatedAt >= ?2")
                .setParameter(1, provider.name()).setParameter(2, monthStart).getSingleResult();
        return new View(provider.name(), provider.selfHosted(), pairs.isEmpty() ? "down" : "up",
                providers.restingUntil(provider.name()).orElse(null), pairs, characters.longValue());
    }
}
