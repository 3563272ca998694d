package io.lingowire.translation;

import io.lingowire.article.Article;
import io.lingowire.article.ArticleRevised;
import io.lingowire.article.ArticleRevision;
import io.lingowire.article.ArticleService;
import io.lingowire.common.Ids;
import io.lingowire.common.Params;
import io.lingowire.common.error.ApiProblem;
import io.lingowire.common.job.JobQueue;
import io.lingowire.event.EventLog;
import io.lingowire.event.StoryEvent;
import io.lingowire.locale.LanguageTags;
import io.lingowire.translation.provider.Providers;
import io.lingowire.translation.routing.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Language versions asked for and looked at: requests queue one translation job per language (run by
 * {@link TranslationRun}), a correction makes every language version stale, and the queries answer the API. What to
 * translate and when is decided above, by the desk's translation demand.
 */
@ApplicationScoped
public class TranslationRequests {

    public static final String JOB_KIND = "translate";

    private final ArticleService articles;
    private final JobQueue queue;
    private final EventLog events;
    private final Router router;
    private final Providers providers;

    TranslationRequests(ArticleService articles, JobQueue queue, EventLog events, Router router, Providers providers) {
        this.articles = articles;
        this.queue = queue;
        this.events = events;
        this.router = router;
        this.providers = providers;
    }

    /**
     * Queues one translation job per target language of the article's current revision. A language that no route
     * can translate the article into is refused with a 422 naming the languages that can be served, and nothing is
     * queued.
     */
    @Transactional
    public List<Translation> request(String articleId, List<String> targets, String priority) {
        ArticleRevision revision = articles.revision(articleId, null);
        Article article = revision.article;
        if (targets == null || targets.isEmpty()) {
            throw ApiProblem.badRequest("missing-targets", "Give at least one target language in 'targets'");
        }
        Set<String> languages = new LinkedHashSet<>();
        for (String target : targets) {
            String tag = LanguageTags.canonical(target);
            if (tag.equals("und")) {
                throw ApiProblem.badRequest("invalid-language", "'" + target + "' is not a BCP47 language tag");
            }
            if (LanguageTags.primary(tag).equals(LanguageTags.primary(article.language))) {
                throw ApiProblem.badRequest("same-language", "The article is already in " + article.language);
            }
            languages.add(tag);
        }
        List<String> unserved = languages.stream()
                .filter(tag -> !router.translatable(revision, article.embargoUntil, tag)).toList();
        if (!unserved.isEmpty()) {
            Set<String> served = providers.targetsFrom(LanguageTags.primary(article.language));
            throw ApiProblem.unprocessable("unsupported-target", "Language cannot be served",
                            "No configured engine translates " + article.language + " into " + String.join(", ",
                                    unserved) + " on this article's route; "
                                    + (served.isEmpty() ? "none serves " + article.language + " at all"
                                    : "languages that can be served: " + String.join(", ", served)))
                    .with("languages", List.copyOf(served)).with("unsupported", unserved);
        }
        boolean high = Params.oneOf("priority", priority, "normal", "high", "normal").equals("high");
        return queue(article, languages, high);
    }

    /**
     * Queues what the article's route can translate of {@code wanted} (canonical tags; the article's own language is
     * skipped), without refusing the rest: the way the desk's demand asks. Answers the languages left out.
     */
    @Transactional
    public List<String> requestServable(String articleId, Collection<String> wanted, String priority) {
        ArticleRevision revision = articles.revision(articleId, null);
        Article article = revision.article;
        String own = LanguageTags.primary(article.language);
        Set<String> languages = new LinkedHashSet<>();
        List<String> leftOut = new ArrayList<>();
        for (String tag : wanted) {
            if (LanguageTags.primary(tag).equals(own)) {
                continue;
            }
            if (router.translatable(revision, article.embargoUntil, tag)) {
                languages.add(tag);
            } else {
                leftOut.add(tag);
            }
        }
        if (!languages.isEmpty()) {
            queue(article, languages, "high".equalsIgnoreCase(priority));
        }
        return leftOut;
    }

    /** One translation, queued, per language, of the article's current revision. */
    private List<Translation> queue(Article article, Set<String> languages, boolean high) {
        List<Translation> out = new ArrayList<>();
        for (String language : languages) {
            Translation t = Translation.find(article.id, language).orElseGet(() -> {
                Translation fresh = new Translation();
                fresh.id = Ids.newId();
                fresh.articleId = article.id;
                fresh.language = language;
                fresh.createdAt = Instant.now();
                return fresh;
            });
            t.sourceVersion = article.currentVersion;
            t.status = Translation.Status.queued;
            t.priority = high ? "high" : "normal";
            t.updatedAt = Instant.now();
            t.persist();
            enqueue(article.id, language, article.currentVersion, high);
            out.add(t);
        }
        return out;
    }

    /**
     * A correction, in its storing transaction: every language version of the article is stale until it is
     * translated again from the new revision (partners are told at once).
     */
    void onRevised(@Observes ArticleRevised revision) {
        Article article = Article.findById(revision.articleId());
        for (Translation t : Translation.forArticle(revision.articleId())) {
            t.status = Translation.Status.stale;
            t.updatedAt = Instant.now();
            events.append(StoryEvent.TRANSLATION_STALE, revision.articleId(), revision.version(), t.language,
                    article.embargoUntil);
        }
    }

    /**
     * Queues the re-translation of every language version the article has from its current revision, each at its
     * own priority; the translation memory makes unchanged sentences free, so only what changed goes to a provider.
     *
     * @return the languages queued
     */
    @Transactional
    public List<String> refresh(String articleId) {
        Article article = articles.article(articleId);
        List<String> languages = new ArrayList<>();
        for (Translation t : Translation.forArticle(articleId)) {
            if (t.sourceVersion != article.currentVersion || t.status == Translation.Status.stale) {
                enqueue(articleId, t.language, article.currentVersion, "high".equals(t.priority));
                languages.add(t.language);
            }
        }
        return languages;
    }

    /**
     * One job per article, language and source version: asking twice while it is queued is asking once. Asking while
     * it runs queues another, as the running one may have read the glossary and memory before the request came.
     */
    private void enqueue(String articleId, String language, int version, boolean high) {
        queue.enqueue(JobQueue.NewJob.of(JOB_KIND, articleId + " " + language)
                .dedupe(JOB_KIND + ":" + articleId + ":" + language + ":" + version)
                .priority(high ? 10 : 100).repeatIfRunning());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Translation> list(String articleId) {
        articles.article(articleId);
        return Translation.forArticle(articleId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Translation get(String articleId, String language) {
        return Translation.find(articleId, LanguageTags.canonical(language))
                .orElseThrow(() -> ApiProblem.notFound("Translation " + language + " of article", articleId));
    }
}
