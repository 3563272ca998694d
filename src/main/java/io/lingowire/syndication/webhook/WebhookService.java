package io.lingowire.syndication.webhook;

import io.lingowire.common.Ids;
import io.lingowire.common.error.ApiProblem;
import io.lingowire.event.StoryEvent;
import io.lingowire.event.EventLog;
import io.lingowire.syndication.partner.PartnerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A partner's webhook endpoints. The signing secret is made here, returned once with the new endpoint (or with the
 * rotation that replaced it) and stored only encrypted; the URL must pass the {@link EgressGuard}.
 */
@ApplicationScoped
@Transactional
public class WebhookService {

    /** Event types an endpoint can ask for. */
    public static final Set<String> EVENT_TYPES = Set.of(StoryEvent.ARTICLE_PUBLISHED, StoryEvent.ARTICLE_CORRECTED,
            StoryEvent.ARTICLE_WITHHELD, StoryEvent.ARTICLE_KILLED, StoryEvent.TRANSLATION_PUBLISHED, StoryEvent.TRANSLATION_STALE);
    private static final int MAX_URL_LENGTH = 2000;

    private final PartnerService partners;
    private final EgressGuard guard;
    private final SecretCipher cipher;
    private final EventLog log;
    private final WebhookConfig config;

    WebhookService(PartnerService partners, EgressGuard guard, SecretCipher cipher, EventLog log,
                   WebhookConfig config) {
        this.config = config;
        this.partners = partners;
        this.guard = guard;
        this.cipher = cipher;
        this.log = log;
    }

    /** What an admin sends: the receiver's URL and the event types it wants (none = all). */
    public record EndpointRequest(String url, List<String> events) {
    }

    /** A new endpoint (or a rotated one) with its clear secret, shown this once. */
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
        String refused = refusal(url);
        if (refused != null) {
            throw ApiProblem.badRequest("webhook-url-refused", refused);
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

    /**
     * A new signing secret, shown this once. The previous one keeps signing beside it for
     * {@code lingowire.webhooks.secret-overlap}, so the receiver can switch to the new one without refusing a message
     * meanwhile; a second rotation within that time drops the oldest.
     */
    public Created rotateSecret(String partnerId, String endpointId) {
        WebhookEndpoint endpoint = get(partnerId, endpointId);
        String secret = Signer.newSecret();
        endpoint.previousSecret = endpoint.secret;
        // whole seconds: what every database stores (MariaDB keeps no fraction), so the answer shows what is kept
        endpoint.previousSecretUntil = Instant.now().plus(config.secretOverlap()).truncatedTo(ChronoUnit.SECONDS);
        endpoint.secret = cipher.encrypt(secret, endpoint.id);
        return new Created(endpoint, secret);
    }

    /**
     * Sends new events to a disabled endpoint again (events from while it was disabled are not sent; its dead
     * deliveries can be replayed). Its URL is checked again, as at creation.
     */
    public WebhookEndpoint enable(String partnerId, String endpointId) {
        WebhookEndpoint endpoint = get(partnerId, endpointId);
        String refused = refusal(endpoint.url);
        if (refused != null) {
            throw ApiProblem.conflict("webhook-url-refused", refused);
        }
        endpoint.enabled = true;
        endpoint.disabledReason = null;
        endpoint.disabledAt = null;
        return endpoint;
    }

    /** Why the URL may not be called (null: it may). */
    private String refusal(String url) {
        try {
            guard.check(url);
            return null;
        } catch (EgressGuard.Refused refused) {
            return refused.getMessage();
        }
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
