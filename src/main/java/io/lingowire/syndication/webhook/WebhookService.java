package io.lingowire.syndication.webhook;

import io.lingowire.common.Ids;
import io.lingowire.common.error.ApiProblem;
import io.lingowire.event.Event;
import io.lingowire.event.EventLog;
import io.lingowire.syndication.partner.PartnerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A partner's webhook endpoints. The signing secret is made here, returned once with the new endpoint and stored
 * only encrypted; the URL must pass the {@link EgressGuard}.
 */
@ApplicationScoped
@Transactional
public class WebhookService {

    /** Event types an endpoint can ask for. */
    public static final Set<String> EVENT_TYPES = Set.of(Event.ARTICLE_PUBLISHED, Event.ARTICLE_CORRECTED,
            Event.ARTICLE_WITHHELD, Event.ARTICLE_KILLED, Event.TRANSLATION_PUBLISHED, Event.TRANSLATION_STALE);
    private static final int MAX_URL_LENGTH = 2000;

    private final PartnerService partners;
    private final EgressGuard guard;
    private final SecretCipher cipher;
    private final EventLog log;

    WebhookService(PartnerService partners, EgressGuard guard, SecretCipher cipher, EventLog log) {
        this.partners = partners;
        this.guard = guard;
        this.cipher = cipher;
        this.log = log;
    }

    /** What an admin sends: the receiver's URL and the event types it wants (none = all). */
    public record EndpointRequest(String url, List<String> events) {
    }

    /** A new endpoint with its clear secret, shown this once. */
    public record Created(WebhookEndpoint endpoint, String secret) {
    }

    public Created create(String partnerId, EndpointRequest request) {
        partners.get(partnerId);
        if (request == null || request.url() == null || request.url().isBlank()) {
            throw ApiProblem.badRequest("missing-url", "A webhook needs a 'url'");
        }
        String url = request.url().strip();
        if (url.length() > MAX_URL_LENGTH) {
            throw ApiProblem.badRequest("invalid-url", "'url' is longer than " + MAX_URL_LENGTH + " characters");
        }
        try {
            guard.check(url);
        } catch (EgressGuard.Refused refused) {
            throw ApiProblem.badRequest("webhook-url-refused", refused.getMessage());
        }
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = Ids.newId();
        endpoint.partnerId = partnerId;
        endpoint.url = url;
        endpoint.events = events(request.events());
        endpoint.enabled = true;
        endpoint.fromSeq = log.latest();
        endpoint.createdAt = Instant.now();
        String secret = Signer.newSecret();
        endpoint.secret = cipher.encrypt(secret, endpoint.id);
        endpoint.persist();
        return new Created(endpoint, secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookEndpoint> list(String partnerId) {
        partners.get(partnerId);
        return WebhookEndpoint.forPartner(partnerId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookEndpoint get(String partnerId, String endpointId) {
        return WebhookEndpoint.<WebhookEndpoint>find("id = ?1 and partnerId = ?2", endpointId, partnerId)
                .firstResultOptional().orElseThrow(() -> ApiProblem.notFound("Webhook", endpointId));
    }

    /** Removes the endpoint with its delivery log; queued attempts find nothing left to send. */
    public void delete(String partnerId, String endpointId) {
        WebhookEndpoint endpoint = get(partnerId, endpointId);
        WebhookDelivery.delete("endpointId", endpoint.id);
        endpoint.delete();
    }

    /** Stops deliveries to an endpoint (the receiver said 410 Gone); the reason is shown to admins. */
    public void disable(String endpointId, String reason) {
        WebhookEndpoint endpoint = WebhookEndpoint.findById(endpointId);
        if (endpoint != null && endpoint.enabled) {
            endpoint.enabled = false;
            endpoint.disabledReason = reason;
            endpoint.disabledAt = Instant.now();
        }
    }

    private static List<String> events(List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String type : requested) {
            if (type == null || !EVENT_TYPES.contains(type)) {
                throw ApiProblem.badRequest("invalid-event-type", "'" + type + "' is not an event type; use "
                        + String.join(", ", EVENT_TYPES.stream().sorted().toList()));
            }
            out.add(type);
        }
        return new ArrayList<>(out);
    }
}
