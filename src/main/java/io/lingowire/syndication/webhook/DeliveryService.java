package io.lingowire.syndication.webhook;

import io.lingowire.common.Cursor;
import io.lingowire.common.error.ApiProblem;
import io.lingowire.common.job.Job;
import io.lingowire.common.job.JobQueue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The delivery log: what each attempt did, the admin's view of it, and manual redelivery. A redelivery sends the
 * same message again (same {@code webhook-id} and body, new timestamp and signature) with a fresh set of attempts.
 */
@ApplicationScoped
@Transactional
public class DeliveryService {

    private final JobQueue jobs;
    private final RetryPolicy retries;
    private final SecretCipher cipher;
    private final WebhookService endpoints;
    private final MeterRegistry metrics;

    DeliveryService(JobQueue jobs, RetryPolicy retries, SecretCipher cipher, WebhookService endpoints,
                    MeterRegistry metrics) {
        this.metrics = metrics;
        this.jobs = jobs;
        this.retries = retries;
        this.cipher = cipher;
        this.endpoints = endpoints;
    }

    public record Filter(String partnerId, String endpointId, WebhookDelivery.Status status) {
    }

    /** What one attempt needs: where to, the clear secrets it is signed with (during a rotation two) and the exact body. */
    public record Attempt(String deliveryId, String endpointId, String url, List<String> secrets, String payload) {
    }

    /** Newest first; the cursor is the last id of the previous page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Cursor.Page<WebhookDelivery> list(Filter filter, String cursor, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (cursor != null && !cursor.isBlank()) {
            where.append(" and id < :after");
            params.and("after", Cursor.decode(cursor));
        }
        if (filter.partnerId() != null) {
            where.append(" and partnerId = :partner");
            params.and("partner", filter.partnerId());
        }
        if (filter.endpointId() != null) {
            where.append(" and endpointId = :endpoint");
            params.and("endpoint", filter.endpointId());
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.and("status", filter.status());
        }
        return Cursor.page(WebhookDelivery.<WebhookDelivery>find(where + " order by id desc", params)
                .page(0, limit + 1).list(), limit, d -> d.id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookDelivery get(String id) {
        return Optional.ofNullable(WebhookDelivery.<WebhookDelivery>findById(id))
                .orElseThrow(() -> ApiProblem.notFound("Delivery", id));
    }

    /** Sends a delivery again, whatever became of it; 409 when its endpoint is disabled or an attempt is under way. */
    public WebhookDelivery redeliver(String id) {
        WebhookDelivery delivery = get(id);
        WebhookEndpoint endpoint = WebhookEndpoint.findById(delivery.endpointId);
        if (endpoint == null || !endpoint.enabled) {
            throw ApiProblem.conflict("endpoint-disabled", "The endpoint of delivery " + id + " is disabled"
                    + (endpoint == null || endpoint.disabledReason == null ? "" : " (" + endpoint.disabledReason + ")")
                    + "; create the webhook again to resume deliveries");
        }
        Optional<Job> job = Job.<Job>find("dedupeKey", delivery.id).firstResultOptional();
        if (job.isPresent() && job.get().status == Job.Status.running) {
            throw ApiProblem.conflict("delivery-in-progress", "Delivery " + id + " is being attempted right now");
        }
        if (job.isPresent()) {
            jobs.requeue(job.get().id);
        } else {
            jobs.enqueue(JobQueue.NewJob.of(DeliveryJobHandler.KIND, delivery.id).dedupe(delivery.id)
                    .attempts(retries.attempts()));
        }
        delivery.status = WebhookDelivery.Status.pending;
        delivery.attempts = 0;
        delivery.nextAttemptAt = Instant.now();
        return delivery;
    }

    /** Redelivers every delivery of an endpoint in the given state (dead or failed). */
    public List<WebhookDelivery> redeliverAll(String endpointId, WebhookDelivery.Status status) {
        if (endpointId == null || endpointId.isBlank()) {
            throw ApiProblem.badRequest("missing-endpoint", "Name the endpoint whose deliveries to replay: 'endpoint'");
        }
        if (status != WebhookDelivery.Status.dead && status != WebhookDelivery.Status.failed) {
            throw ApiProblem.badRequest("invalid-status", "Bulk redelivery replays 'dead' or 'failed' deliveries");
        }
        if (WebhookEndpoint.findById(endpointId) == null) {
            throw ApiProblem.notFound("Webhook", endpointId);
        }
        List<WebhookDelivery> due = WebhookDelivery.list("endpointId = ?1 and status = ?2 order by id",
                endpointId, status);
        due.forEach(d -> redeliver(d.id));
        return due;
    }

    /** The attempt to make, or empty when there is nothing to send (gone, already delivered, endpoint disabled). */
    public Optional<Attempt> begin(String id) {
        WebhookDelivery delivery = WebhookDelivery.findById(id);
        if (delivery == null || delivery.status == WebhookDelivery.Status.delivered) {
            return Optional.empty();
        }
        WebhookEndpoint endpoint = WebhookEndpoint.findById(delivery.endpointId);
        if (endpoint == null || !endpoint.enabled) {
            delivery.status = WebhookDelivery.Status.dead;
            delivery.nextAttemptAt = null;
            delivery.lastError = "endpoint disabled";
            return Optional.empty();
        }
        List<String> secrets = new ArrayList<>(2);
        secrets.add(cipher.decrypt(endpoint.secret, endpoint.id));
        if (endpoint.previousSecretLive(Instant.now())) {
            secrets.add(cipher.decrypt(endpoint.previousSecret, endpoint.id));
        }
        return Optional.of(new Attempt(delivery.id, endpoint.id, endpoint.url, secrets, delivery.payload));
    }

    public void delivered(String id, int attempt, int status) {
        WebhookDelivery delivery = WebhookDelivery.findById(id);
        if (delivery != null) {
            delivery.status = WebhookDelivery.Status.delivered;
            delivery.attempts = attempt;
            delivery.lastStatusCode = status;
            delivery.lastError = null;
            delivery.nextAttemptAt = null;
            delivery.deliveredAt = Instant.now();
            count(delivery, "delivered");
            Timer.builder("lingowire.webhook.delivery.lag")
                    .description("From the event's delivery being created to the receiver's 2xx, per partner")
                    .tag("partner", delivery.partnerId).publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofHours(1))
                    .register(metrics).record(Duration.between(delivery.createdAt, delivery.deliveredAt));
        }
    }

    /** {@code lingowire_webhook_deliveries_total{partner, outcome}}: delivered, failed (to be retried), dead, gone. */
    private void count(WebhookDelivery delivery, String outcome) {
        metrics.counter("lingowire.webhook.deliveries", "partner", delivery.partnerId, "outcome", outcome).increment();
    }

    /** A failed attempt: retried at {@code next}, or dead when there is none. */
    public void failed(String id, int attempt, Integer status, String error, Instant next) {
        record(id, attempt, status, error, next, next == null ? "dead" : "failed");
    }

    /** The receiver answered 410 Gone: the delivery is dead and its endpoint disabled. */
    public void gone(String id, String endpointId, int attempt) {
        record(id, attempt, 410, "410 Gone: endpoint disabled", null, "gone");
        endpoints.disable(endpointId, "The receiver answered 410 Gone at " + Instant.now());
    }

    /** An attempt that did not deliver: retried at {@code next}, or dead when there is none; counted as outcome. */
    private void record(String id, int attempt, Integer status, String error, Instant next, String outcome) {
        WebhookDelivery delivery = WebhookDelivery.findById(id);
        if (delivery != null) {
            count(delivery, outcome);
            delivery.status = next == null ? WebhookDelivery.Status.dead : WebhookDelivery.Status.failed;
            delivery.attempts = attempt;
            delivery.lastStatusCode = status;
            delivery.lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
            delivery.nextAttemptAt = next;
        }
    }
}
