package io.lingowire.desk;

import io.lingowire.article.Article;
import io.lingowire.article.ArticleRevision;
import io.lingowire.article.ArticleService;
import io.lingowire.article.PubStatus;
import io.lingowire.common.job.Job;
import io.lingowire.common.job.JobHandler;
import io.lingowire.common.job.JobQueue;
import io.lingowire.event.EventLog;
import io.lingowire.event.StoryEvent;
import io.lingowire.translation.Translation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * An embargo lifted on time: a durable job at the embargo's end writes the publications made while it held again,
 * now visible to every partner, in every language.
 */
@ApplicationScoped
public class EmbargoRelease implements JobHandler {

    static final String JOB_KIND = "embargo.release";
    private static final Logger LOG = Logger.getLogger(EmbargoRelease.class);

    private final ArticleService articles;
    private final EventLog events;
    private final JobQueue queue;

    EmbargoRelease(ArticleService articles, EventLog events, JobQueue queue) {
        this.articles = articles;
        this.events = events;
        this.queue = queue;
    }

    /** Schedules the release of an article under embargo (once per embargo time; nothing when there is none). */
    void schedule(Article article) {
        if (article.embargoUntil != null && article.embargoUntil.isAfter(Instant.now())) {
            queue.enqueue(JobQueue.NewJob.of(JOB_KIND, article.id)
                    .dedupe(JOB_KIND + ":" + article.id + ":" + article.embargoUntil.toEpochMilli())
                    .at(article.embargoUntil).priority(1));
        }
    }

    @Override
    public String kind() {
        return JOB_KIND;
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
