package io.lingowire.syndication.partner.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lingowire.security.Role;
import io.lingowire.syndication.partner.Partner;
import io.lingowire.syndication.partner.PartnerKey;
import io.lingowire.syndication.partner.PartnerService;
import io.lingowire.syndication.partner.PartnerService.PartnerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Partners, their entitlements and their API keys (admin only). A clear key appears once, in the answer that made it. */
@Path("/api/v1/partners")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class PartnerResource {

    private final PartnerService partners;

    PartnerResource(PartnerService partners) {
        this.partners = partners;
    }

    public record KeyView(String id, String hint, Instant createdAt, Instant revokedAt) {
        static KeyView of(PartnerKey k) {
            return new KeyView(k.id, k.hint, k.createdAt, k.revokedAt);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartnerView(String id, String name, List<String> languages, List<String> sources,
                              List<String> products, List<String> formats, boolean autoApprove, boolean preEmbargo, int rateLimit,
                              List<KeyView> keys, String apiKey, Instant createdAt, Instant updatedAt) {
        static PartnerView of(Partner p, String apiKey) {
            return new PartnerView(p.id, p.name, p.languages, p.sources,
                    p.products == null ? List.of() : p.products, p.formats, p.autoApprove, p.preEmbargo,
                    p.rateLimit, PartnerKey.forPartner(p.id).stream().map(KeyView::of).toList(), apiKey,
                    p.createdAt, p.updatedAt);
        }
    }

    public record PartnerList(List<PartnerView> partners) {
    }

    public record NewKey(String id, String hint, String apiKey, Instant createdAt) {
    }

    @GET
    public PartnerList list() {
        return new PartnerList(partners.list().stream().map(p -> PartnerView.of(p, null)).toList());
    }

    /** Creates a partner; the answer holds its first API key, which is not shown again. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(PartnerRequest request) {
        PartnerService.WithKey created = partners.create(request);
        return Response.created(URI.create("/api/v1/partners/" + created.partner().id))
                .entity(PartnerView.of(created.partner(), created.apiKey())).build();
    }

    @GET
    @Path("{id}")
    public PartnerView get(@RestPath String id) {
        return PartnerView.of(partners.get(id), null);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PartnerView update(@RestPath String id, PartnerRequest request) {
        return PartnerView.of(partners.update(id, request), null);
    }

    @DELETE
    @Path("{id}")
    @ResponseStatus(204)
    public void delete(@RestPath String id) {
        partners.delete(id);
    }

    /** A new key; the partner's other keys stay valid until revoked. */
    @POST
    @Path("{id}/keys")
    @ResponseStatus(201)
    public NewKey rotate(@RestPath String id) {
        PartnerService.WithKey issued = partners.rotate(id);
        return new NewKey(issued.key().id, issued.key().hint, issued.apiKey(), issued.key().createdAt);
    }

    @DELETE
    @Path("{id}/keys/{keyId}")
    public KeyView revoke(@RestPath String id, @RestPath String keyId) {
        return KeyView.of(partners.revoke(id, keyId));
    }
}
