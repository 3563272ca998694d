package io.lingowire.desk;

import io.lingowire.article.Article;
import io.lingowire.article.ArticleService;
import io.lingowire.article.PubStatus;
import io.lingowire.ingest.ArticlesStored;
import io.lingowire.locale.LanguageTags;
import io.lingowire.syndication.partner.PartnerService;
import io.lingowire.translation.TranslationRequests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one place that decides what to translate and when, on the "article stored" signal: a new story goes into the
 * languages asked for and every language an entitled partner takes that its route can translate (nobody pays for
 * languages nobody takes); a correction re-translates the language versions the story has, plus any asked for; an
 * embargoed story gets its release scheduled. A story that is withheld or killed is not translated, and a language
 * asked for at ingest that no engine on the route translates is left out with a warning (the ingest has succeeded;
 * the translations API answers such a request with a 422).
 */
@ApplicationScoped
public class TranslationDemand {

    private static final Logger LOG = Logger.getLogger(TranslationDemand.class);

    private final TranslationRequests translations;
    private final PartnerService partners;
    private final EmbargoRelease embargo;

    TranslationDemand(TranslationRequests translations, PartnerService partners, EmbargoRelease embargo) {
        this.translations = translations;
        this.partners = partners;
        this.embargo = embargo;
    }

    void stored(@Observes ArticlesStored stored) {
        for (ArticleService.Stored s : stored.stored()) {
            if (s.outcome() == ArticleService.Outcome.DUPLICATE) {
                continue; // nothing follows a duplicate, so it opens no transaction either
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> follow(s, stored.targets(), stored.priority()));
            } catch (RuntimeException e) {
                // the article is stored and stays; what follows can be asked for again through the API
                LOG.errorf(e, "Could not queue translations or the embargo release of article %s", s.article().id);
            }
        }
    }

    private void follow(ArticleService.Stored s, List<String> requested, String priority) {
        Article article = s.article();
        embargo.schedule(article);
        if (article.pubStatus != PubStatus.usable) {
            return;
        }
        if (s.outcome() == ArticleService.Outcome.REVISED) {
            translations.refresh(article.id);
        }
        Set<String> requestedTags = new LinkedHashSet<>();
        if (requested != null) {
            requested.stream().map(LanguageTags::canonical).forEach(requestedTags::add);
        }
        Set<String> targets = new LinkedHashSet<>(requestedTags);
        if (s.outcome() == ArticleService.Outcome.CREATED) {
            partners.languagesTaken(s.revision()).stream().map(LanguageTags::canonical).forEach(targets::add);
        }
        if (!targets.isEmpty()) {
            for (String tag : translations.requestServable(article.id, targets, priority)) {
                if (requestedTags.contains(tag)) {
                    LOG.warnf("Article %s: no configured engine translates %s into %s; not queued", article.id,
                            article.language, tag);
                }
            }
        }
    }
}
