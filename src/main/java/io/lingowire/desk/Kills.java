package io.lingowire.desk;

import io.lingowire.article.Article;
import io.lingowire.article.ArticleService;
import io.lingowire.article.PubStatus;
import io.lingowire.common.error.ApiProblem;
import io.lingowire.event.EventLog;
import io.lingowire.event.StoryEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** An editor's kill: the story is canceled with its reason, in every language, for every partner. */
@ApplicationScoped
public class Kills {

    private final ArticleService articles;
    private final EventLog events;

    Kills(ArticleService articles, EventLog events) {
        this.articles = articles;
        this.events = events;
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
        events.append(StoryEvent.ARTICLE_KILLED, article.id, article.currentVersion, article.language,
                article.embargoUntil);
        return article;
    }
}
