package io.lingowire.syndication.webhook.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lingowire.security.Role;
import io.lingowire.syndication.webhook.WebhookEndpoint;
import io.lingowire.syndication.webhook.WebhookService;
import io.lingowire.syndication.webhook.WebhookService.EndpointRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** A partner's webhook endpoints (admin only). The signing secret appears once, in the answer that created it. */
@Path("/api/v1/partners/{id}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class WebhookResource {

    private final WebhookService webhooks;

    WebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EndpointView(String id, String partnerId, String url, List<String> events, boolean enabled,
                               String disabledReason, Instant disabledAt, String secret, Instant previousSecretUntil,
                               Instant createdAt) {
        static EndpointView of(WebhookEndpoint e, String secret) {
            return new EndpointView(e.id, e.partnerId, e.url, e.events, e.enabled, e.disabledReason, e.disabledAt,
                    secret, e.previousSecretLive(Instant.now()) ? e.previousSecretUntil : null, e.createdAt);
        }
    }

    public record EndpointList(List<EndpointView> webhooks) {
    }

    @GET
    public EndpointList list(@RestPath String id) {
        return new EndpointList(webhooks.list(id).stream().map(e -> EndpointView.of(e, null)).toList());
    }

    /** Creates an endpoint; the answer holds its {@code whsec_} signing secret, which is not shown again. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@RestPath String id, EndpointRequest request) {
        WebhookService.Created created = webhooks.create(id, request);
        return Response.created(URI.create("/api/v1/partners/" + id + "/webhooks/" + created.endpoint().id))
                .entity(EndpointView.of(created.endpoint(), created.secret())).build();
    }

    @GET
    @Path("{wid}")
    public EndpointView get(@RestPath String id, @RestPath String wid) {
        return EndpointView.of(webhooks.get(id, wid), null);
    }

    /**
     * A new signing secret, in this answer only; the previous one signs beside it until {@code previousSecretUntil}
     * ({@code lingowire.webhooks.secret-overlap}).
     */
    @POST
    @Path("{wid}/secret")
    public EndpointView rotateSecret(@RestPath String id, @RestPath String wid) {
        WebhookService.Created rotated = webhooks.rotateSecret(id, wid);
        return EndpointView.of(rotated.endpoint(), rotated.secret());
    }

    /** Sends new events to an endpoint that was disabled (it answered 410 Gone) again. */
    @POST
    @Path("{wid}/enable")
    public EndpointView enable(@RestPath String id, @RestPath String wid) {
        return EndpointView.of(webhooks.enable(id, wid), null);
    }

    @DELETE
    @Path("{wid}")
    @ResponseStatus(204)
    public void delete(@RestPath String id, @RestPath String wid) {
        webhooks.delete(id, wid);
    }
}
