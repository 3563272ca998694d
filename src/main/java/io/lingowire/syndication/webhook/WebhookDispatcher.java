package io.lingowire.syndication.webhook;

import io.lingowire.article.Article;
import io.lingowire.article.ArticleRevision;
import io.lingowire.common.Ids;
import io.lingowire.common.job.JobQueue;
import io.lingowire.event.StoryEvent;
import io.lingowire.syndication.partner.Audience;
import io.lingowire.syndication.partner.Partner;
import io.lingowire.translation.Translation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the event log into deliveries. It reads from a cursor kept in the database, under a row lock that only one
 * replica can hold at a time; in the same transaction it writes one delivery per (endpoint, event, language the
 * partner may see, as {@link Audience} decides), queues a job for each, and advances the cursor — so an event is
 * turned into deliveries exactly once, and none is lost to a crash in between.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    static final String CURSOR = "webhooks";

    private final EntityManager em;
    private final JobQueue jobs;
    private final ThinPayload payloads;
    private final RetryPolicy retries;
    private final WebhookConfig config;

    WebhookDispatcher(EntityManager em, JobQueue jobs, ThinPayload payloads, RetryPolicy retries, WebhookConfig config) {
        this.em = em;
        this.jobs = jobs;
        this.payloads = payloads;
        this.retries = retries;
        this.config = config;
    }

    @Scheduled(every = "${lingowire.webhooks.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        int handled;
        do {
            handled = QuarkusTransaction.requiringNew().call(this::dispatchBatch);
        } while (handled >= config.batchSize());
    }

    /** One batch in the caller's transaction; returns how many events it consumed (0 when another replica holds the cursor). */
    int dispatchBatch() {
        @SuppressWarnings("unchecked")
        List<Number> locked = em.createNativeQuery(
                        "SELECT last_seq FROM webhook_cursor WHERE name = ?1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, CURSOR).getResultList();
        if (locked.isEmpty()) {
            return 0;
        }
        long cursor = locked.get(0).longValue();
        List<StoryEvent> events = StoryEvent.<StoryEvent>find("seq > ?1 order by seq", cursor).page(0, config.batchSize()).list();
        if (events.isEmpty()) {
            return 0;
        }
        List<WebhookEndpoint> endpoints = WebhookEndpoint.listEnabled();
        Map<String, Partner> partners = new HashMap<>();
        Instant settled = Instant.now().minus(config.gapWait());
        int consumed = 0;
        for (StoryEvent event : events) {
            if (event.seq != cursor + 1 && event.createdAt.isAfter(settled)) {
                break; // an earlier sequence number may belong to a transaction that has not committed yet
            }
            fanOut(event, endpoints, partners);
            cursor = event.seq;
            consumed++;
        }
        if (consumed > 0) {
            em.createNativeQuery("UPDATE webhook_cursor SET last_seq = ?1, updated_at = ?2 WHERE name = ?3")
                    .setParameter(1, cursor).setParameter(2, Instant.now()).setParameter(3, CURSOR).executeUpdate();
        }
        return consumed;
    }

    private void fanOut(StoryEvent event, List<WebhookEndpoint> endpoints, Map<String, Partner> partners) {
        List<WebhookEndpoint> interested = endpoints.stream()
                .filter(e -> event.seq > e.fromSeq && e.wants(event.type)).toList();
        if (interested.isEmpty()) {
            return;
        }
        Optional<Audience.Story> story = story(event.articleId);
        if (story.isEmpty()) {
            LOG.warnf("Event %d names article %s, which has no current revision; no webhooks for it", event.seq,
                    event.articleId);
            return;
        }
        for (WebhookEndpoint endpoint : interested) {
            Partner partner = partners.computeIfAbsent(endpoint.partnerId, id -> Partner.findById(id));
            if (partner == null) {
                continue;
            }
            Set<String> languages = Audience.languages(partner, event, story.get());
            for (String language : languages) {
                deliver(endpoint, event, language, story.get().article().language);
            }
        }
    }

    private void deliver(WebhookEndpoint endpoint, StoryEvent event, String language, String sourceLanguage) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = "msg_" + Ids.newId();
        delivery.endpointId = endpoint.id;
        delivery.partnerId = endpoint.partnerId;
        delivery.eventSeq = event.seq;
        delivery.type = event.type;
        delivery.language = language;
        delivery.payload = payloads.render(event, language, sourceLanguage);
        delivery.status = WebhookDelivery.Status.pending;
        delivery.createdAt = Instant.now();
        delivery.nextAttemptAt = delivery.createdAt;
        delivery.persist();
        jobs.enqueue(JobQueue.NewJob.of(DeliveryJobHandler.KIND, delivery.id).dedupe(delivery.id)
                .attempts(retries.attempts()));
    }

    private static Optional<Audience.Story> story(String articleId) {
        Article article = Article.findById(articleId);
        if (article == null) {
            return Optional.empty();
        }
        return ArticleRevision.find(articleId, article.currentVersion)
                .map(revision -> new Audience.Story(article, revision, Translation.forArticle(articleId)));
    }
}
