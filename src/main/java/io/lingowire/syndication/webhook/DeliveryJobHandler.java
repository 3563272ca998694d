package io.lingowire.syndication.webhook;

import io.lingowire.common.job.Job;
import io.lingowire.common.job.JobHandler;
import io.lingowire.common.job.RetryLater;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs one attempt of one delivery (payload: the delivery id). 2xx is delivered; 410 Gone disables the endpoint
 * and ends the delivery; anything else — another status, a refused or unreachable host, a timeout — is retried on
 * the {@link RetryPolicy} schedule until the last attempt, after which the delivery is dead. Deliveries run in a
 * lane of their own ({@code lingowire.webhooks.concurrency} threads), so a slow receiver holds up nothing else.
 */
@ApplicationScoped
public class DeliveryJobHandler implements JobHandler {

    public static final String KIND = "webhook.deliver";
    private static final Logger LOG = Logger.getLogger(DeliveryJobHandler.class);

    private final DeliveryService deliveries;
    private final WebhookSender sender;
    private final EgressGuard guard;
    private final RetryPolicy retries;
    private final WebhookConfig config;
    private final Clock clock;

    DeliveryJobHandler(DeliveryService deliveries, WebhookSender sender, EgressGuard guard, RetryPolicy retries,
                       WebhookConfig config, Clock clock) {
        this.clock = clock;
        this.deliveries = deliveries;
        this.sender = sender;
        this.guard = guard;
        this.retries = retries;
        this.config = config;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int threads() {
        return config.concurrency();
    }

    @Override
    public void handle(Job job) throws InterruptedException {
        Optional<DeliveryService.Attempt> next = deliveries.begin(job.payload);
        if (next.isEmpty()) {
            return;
        }
        DeliveryService.Attempt attempt = next.get();
        int status = 0;
        String retryAfter = null;
        String error;
        try {
            URI uri = guard.check(attempt.url());
            WebhookSender.Answer answer = sender.send(uri, attempt.deliveryId(), attempt.secrets(), attempt.payload());
            if (answer.success()) {
                deliveries.delivered(attempt.deliveryId(), job.attempts, answer.status());
                LOG.debugf("Delivery %s: %d on attempt %d", attempt.deliveryId(), answer.status(), job.attempts);
                return;
            }
            if (answer.status() == 410) {
                deliveries.gone(attempt.deliveryId(), attempt.endpointId(), job.attempts);
                LOG.infof("Webhook %s answered 410 Gone: disabled", attempt.endpointId());
                return;
            }
            status = answer.status();
            retryAfter = answer.retryAfter();
            error = "HTTP " + status;
        } catch (EgressGuard.Refused refused) {
            error = "refused: " + refused.getMessage();
        } catch (HttpTimeoutException timeout) {
            error = "no answer within " + config.timeout().toSeconds() + " s";
        } catch (IOException io) {
            error = "unreachable: " + (io.getMessage() == null ? "the connection failed" : io.getMessage());
        }
        Instant now = clock.instant();
        Duration delay = retries.delay(job.attempts, status, retryAfter, now);
        boolean last = job.attempts >= job.maxAttempts;
        deliveries.failed(attempt.deliveryId(), job.attempts, status == 0 ? null : status, error,
                last ? null : now.plus(delay));
        LOG.debugf("Delivery %s attempt %d failed: %s", attempt.deliveryId(), job.attempts, error);
        // the queue parks the job as dead after its last attempt, as the delivery log now says
        throw new RetryLater(delay, error);
    }
}
