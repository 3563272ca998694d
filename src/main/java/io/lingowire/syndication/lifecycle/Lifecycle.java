package io.lingowire.syndication.lifecycle;

import io.lingowire.locale.LanguageTags;
import io.lingowire.article.Article;
import io.lingowire.article.ArticleRevision;
import io.lingowire.article.ArticleService;
import io.lingowire.article.PubStatus;
import io.lingowire.common.error.ApiProblem;
import io.lingowire.common.job.Job;
import io.lingowire.common.job.JobHandler;
import io.lingowire.common.job.JobQueue;
import io.lingowire.event.StoryEvent;
import io.lingowire.event.EventLog;
import io.lingowire.syndication.partner.Audience;
import io.lingowire.syndication.partner.Partner;
import io.lingowire.translation.Translation;
import io.lingowire.translation.TranslationService;
import io.lingowire.translation.routing.Router;
import io.lingowire.ingest.Ingested;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What happens to a story after ingest, across every language: translations queued for the languages partners
 * take (and those asked for at ingest), the embargo lifted on time, and a kill that reaches every language version.
 */
@ApplicationScoped
public class Lifecycle implements JobHandler {

    static final String EMBARGO_JOB = "embargo.release";
    private static final Logger LOG = Logger.getLogger(Lifecycle.class);

    private final ArticleService articles;
    private final TranslationService translations;
    private final Router router;
    private final EventLog events;
    private final JobQueue queue;

    Lifecycle(ArticleService articles, TranslationService translations, Router router, EventLog events,
              JobQueue queue) {
        this.articles = articles;
        this.translations = translations;
        this.router = router;
        this.events = events;
        this.queue = queue;
    }

    /**
     * After ingest: a new article is translated into the languages asked for and into every language an entitled
     * partner takes that the route for it can translate (nobody pays for languages nobody takes); an embargoed
     * one gets its release scheduled.
     */
    void ingested(@Observes Ingested ingested) {
        for (ArticleService.Stored s : ingested.stored()) {
            if (s.outcome() == ArticleService.Outcome.DUPLICATE) {
                continue; // nothing follows a duplicate, so it opens no transaction either
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> follow(s, ingested.targets(), ingested.priority()));
            } catch (RuntimeException e) {
                // the article is stored and stays; what follows can be asked for again through the API
                LOG.errorf(e, "Could not queue translations or the embargo release of article %s", s.article().id);
            }
        }
    }

    private void follow(ArticleService.Stored s, List<String> requested, String priority) {
        Article article = s.article();
        if (article.embargoUntil != null && article.embargoUntil.isAfter(Instant.now())) {
            queue.enqueue(JobQueue.NewJob.of(EMBARGO_JOB, article.id)
                    .dedupe(EMBARGO_JOB + ":" + article.id + ":" + article.embargoUntil.toEpochMilli())
                    .at(article.embargoUntil).priority(1));
        }
        if (s.outcome() != ArticleService.Outcome.CREATED || article.pubStatus != PubStatus.usable) {
            return; // a revision re-translates what exists (TranslationService.onRevised)
        }
        Set<String> targets = new LinkedHashSet<>();
        String own = LanguageTags.primary(article.language);
        if (requested != null) {
            requested.stream().map(LanguageTags::canonical)
                    .filter(t -> !LanguageTags.primary(t).equals(own)).forEach(targets::add);
        }
        List<Partner> partners = Partner.listAll();
        List<Partner> forRules = router.rulesNamePartners() ? partners : List.of();
        for (Partner partner : partners) {
            if (!Audience.storyEntitled(partner, s.revision())) {
                continue;
            }
            for (String range : partner.languages) {
                String tag = LanguageTags.canonical(range);
                if (!range.equals("*") && !LanguageTags.primary(tag).equals(own) && !targets.contains(tag)
                        && router.translatable(s.revision(), article.embargoUntil, tag, forRules)) {
                    targets.add(tag);
                }
            }
        }
        if (!targets.isEmpty()) {
            translations.request(article.id, List.copyOf(targets), priority);
        }
    }

    /**
     * Kills an article: it is canceled with its reason, and {@code article.killed} goes out once; every feed then
     * shows every language version as canceled, without its text, and webhooks tell every partner that had any.
     */
    @Transactional
    public Article kill(String articleId, String reason) {
        Article article = articles.article(articleId);
        if (article.pubStatus == PubStatus.canceled) {
            return article;
        }
        if (reason == null || reason.isBlank()) {
            throw ApiProblem.badRequest("missing-reason", "A kill needs a 'reason' that partners will see");
        }
        if (reason.length() > 2000) {
            throw ApiProblem.badRequest("reason-too-long", "The reason is limited to 2000 characters");
        }
        article.pubStatus = PubStatus.canceled;
        article.killReason = reason.strip();
        article.updatedAt = Instant.now();
        events.append(StoryEvent.ARTICLE_KILLED, article.id, article.currentVersion, article.language, article.embargoUntil);
        return article;
    }

    @Override
    public String kind() {
        return EMBARGO_JOB;
    }

    /**
     * The embargo is over: the publications written while it held are written again, now visible to every partner
     * (partners that took embargoed copy see the same versions once more, without the embargo).
     */
    @Override
    @Transactional
    public void handle(Job job) {
        Article article = Article.findById(job.payload);
        if (article == null || article.pubStatus != PubStatus.usable) {
            return;
        }
        if (article.embargoUntil != null && article.embargoUntil.isAfter(Instant.now())) {
            return; // moved later by a correction, which scheduled its own release
        }
        ArticleRevision revision = articles.revision(article.id, null);
        events.append(StoryEvent.ARTICLE_PUBLISHED, article.id, article.currentVersion, revision.language,
                article.embargoUntil);
        for (Translation t : Translation.forArticle(article.id)) {
            if (t.publishedVersion > 0 && t.status != Translation.Status.review && t.status != Translation.Status.failed) {
                events.append(StoryEvent.TRANSLATION_PUBLISHED, article.id, t.publishedVersion, t.language,
                        article.embargoUntil, t.approvedBy != null);
            }
        }
        LOG.infof("Embargo on article %s lifted", article.id);
    }
}
