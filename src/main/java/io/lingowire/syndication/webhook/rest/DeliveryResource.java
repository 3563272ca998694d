package io.lingowire.syndication.webhook.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lingowire.common.Cursor;
import io.lingowire.common.Params;
import io.lingowire.common.error.ApiProblem;
import io.lingowire.security.Role;
import io.lingowire.syndication.webhook.DeliveryService;
import io.lingowire.syndication.webhook.WebhookDelivery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Instant;
import java.util.List;

/** The webhook delivery log and manual replay (admin only). */
@Path("/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class DeliveryResource {

    private final DeliveryService deliveries;

    DeliveryResource(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    /** One delivery; {@code payload} (the exact body sent) only when a single delivery is asked for. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryView(String id, String endpointId, String partnerId, long eventSeq, String type,
                               String language, String status, int attempts, Integer lastStatusCode,
                               String lastError, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt,
                               String payload) {
        static DeliveryView of(WebhookDelivery d, boolean withPayload) {
            return new DeliveryView(d.id, d.endpointId, d.partnerId, d.eventSeq, d.type, d.language, d.status.name(),
                    d.attempts, d.lastStatusCode, d.lastError, d.nextAttemptAt, d.createdAt, d.deliveredAt,
                    withPayload ? d.payload : null);
        }
    }

    public record Page(List<DeliveryView> items, String next) {
    }

    public record Replayed(int redelivered, List<String> ids) {
    }

    /** Newest first; filters {@code partner}, {@code endpoint}, {@code status} (pending, delivered, failed, dead). */
    @GET
    public Page list(@RestQuery String partner, @RestQuery String endpoint, @RestQuery String status,
                     @RestQuery String cursor, @RestQuery String limit) {
        int size = Params.integer("limit", limit, 1, 100, 20);
        Cursor.Page<WebhookDelivery> page = deliveries.list(new DeliveryService.Filter(partner, endpoint,
                status == null ? null : status(status)), cursor, size);
        return new Page(page.items().stream().map(d -> DeliveryView.of(d, false)).toList(), page.next());
    }

    @GET
    @Path("{id}")
    public DeliveryView get(@RestPath String id) {
        return DeliveryView.of(deliveries.get(id), true);
    }

    /** Sends the same message again (same {@code webhook-id}) with fresh attempts; 409 if its endpoint is disabled. */
    @POST
    @Path("{id}/redeliver")
    @ResponseStatus(202)
    public DeliveryView redeliver(@RestPath String id) {
        return DeliveryView.of(deliveries.redeliver(id), false);
    }

    /** Replays every {@code dead} (default) or {@code failed} delivery of one endpoint. */
    @POST
    @Path("redeliver")
    @ResponseStatus(202)
    public Replayed redeliverAll(@RestQuery String endpoint, @RestQuery String status) {
        List<WebhookDelivery> replayed = deliveries.redeliverAll(endpoint,
                status == null ? WebhookDelivery.Status.dead : status(status));
        return new Replayed(replayed.size(), replayed.stream().map(d -> d.id).toList());
    }

    private static WebhookDelivery.Status status(String value) {
        try {
            return WebhookDelivery.Status.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("invalid-status", "status must be one of pending, delivered, failed, dead");
        }
    }
}
