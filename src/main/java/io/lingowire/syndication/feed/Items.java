package io.lingowire.syndication.feed;

import io.lingowire.article.Article;
import io.lingowire.article.ArticleRevision;
import io.lingowire.common.Ids;
import io.lingowire.article.PubStatus;
import io.lingowire.article.SourceRef;
import io.lingowire.locale.LocaleText;
import io.lingowire.locale.Locales;
import io.lingowire.syndication.SyndicationConfig;
import io.lingowire.syndication.format.OutputFormat;
import io.lingowire.syndication.format.LocalizedItem;
import io.lingowire.syndication.partner.Audience;
import io.lingowire.syndication.partner.Partner;
import io.lingowire.translation.Translation;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the language version of an article a partner receives: source text or translation, the locale's dateline,
 * credit line and notes, the machine-translation disclosure in the item's language, links to the other formats and
 * to the sibling languages the partner may take. A withheld or killed item keeps its headline and loses its body.
 */
@ApplicationScoped
public class Items {

    private final Locales locales;
    private final SyndicationConfig config;

    Items(Locales locales, SyndicationConfig config) {
        this.locales = locales;
        this.config = config;
    }

    /**
     * The article with its current revision and language versions; empty when there is no such article. An id is
     * exact: the database may compare without case or trailing characters, the API does not.
     */
    public Optional<Audience.Story> story(String articleId) {
        Article article = Ids.wellFormed(articleId) ? Article.findById(articleId) : null;
        if (article == null) {
            return Optional.empty();
        }
        ArticleRevision revision = ArticleRevision.find(articleId, article.currentVersion).orElseThrow();
        return Optional.of(new Audience.Story(article, revision, Translation.forArticle(articleId)));
    }

    /** The stories of several articles in three queries (articles, current revisions, translations). */
    public Map<String, Audience.Story> stories(java.util.Collection<String> articleIds) {
        Map<String, Audience.Story> out = new java.util.HashMap<>();
        if (articleIds.isEmpty()) {
            return out;
        }
        List<ArticleRevision> revisions = ArticleRevision.list(
                "select r from ArticleRevision r join fetch r.article a where a.id in ?1 and r.version = a.currentVersion",
                articleIds);
        Map<String, List<Translation>> translations = new java.util.HashMap<>();
        for (Translation t : Translation.<Translation>list("articleId in ?1 order by language", articleIds)) {
            translations.computeIfAbsent(t.articleId, k -> new ArrayList<>()).add(t);
        }
        for (ArticleRevision r : revisions) {
            out.put(r.article.id, new Audience.Story(r.article, r, translations.getOrDefault(r.article.id, List.of())));
        }
        return out;
    }

    public static String uri(String articleId, String language) {
        return "urn:lingowire:" + articleId + ":" + language;
    }

    public String itemUrl(String articleId, String language, OutputFormat format) {
        return config.publicUrl() + "/partner/v1/items/" + articleId + "?lang="
                + URLEncoder.encode(language, StandardCharsets.UTF_8)
                + (format == OutputFormat.NINJS ? "" : "&format=" + format.id);
    }

    /** The item, which the caller has checked the partner may receive ({@link Audience#mayReceive}). */
    public LocalizedItem item(Audience.Story story, String language, Partner partner) {
        Article article = story.article();
        ArticleRevision revision = story.revision();
        LocaleText locale = locales.of(language);
        boolean source = language.equals(article.language);
        Translation translation = source ? null : story.translations().stream()
                .filter(t -> t.language.equals(language)).findFirst().orElseThrow();

        String originator = null;
        String distributor = null;
        if (revision.sourceChain != null) {
            for (SourceRef ref : revision.sourceChain) {
                if (originator == null && SourceRef.ORIGINATOR.equals(ref.role())) {
                    originator = ref.name();
                } else if (distributor == null && SourceRef.DISTRIBUTOR.equals(ref.role())) {
                    distributor = ref.name();
                }
            }
        }
        if (originator == null && distributor == null) {
            originator = revision.sourceName;
        }

        int version;
        Instant versionCreated;
        String title;
        List<io.lingowire.article.Block> body;
        LocalizedItem.Source translationOf = null;
        LocalizedItem.Machine machine = null;
        String disclosure = null;
        if (source) {
            version = article.currentVersion;
            versionCreated = revision.createdAt;
            title = revision.title;
            body = revision.blocks;
        } else {
            version = translation.publishedVersion;
            versionCreated = translation.approvedAt != null ? translation.approvedAt : translation.updatedAt;
            title = translation.title;
            body = translation.blocks;
            translationOf = new LocalizedItem.Source(uri(article.id, article.language), article.language, version);
            boolean reviewed = translation.approvedBy != null;
            machine = new LocalizedItem.Machine(translation.provider, translation.model, reviewed,
                    translation.provider != null && translation.provider.startsWith("apertium"));
            disclosure = locale.disclosure(article.language, machine.engine(), reviewed);
        }
        List<String> notes = new ArrayList<>();
        if (article.pubStatus == PubStatus.canceled) {
            notes.add(locale.kill(article.killReason));
            body = List.of();
            versionCreated = article.updatedAt;
        } else if (article.pubStatus == PubStatus.withheld) {
            notes.add(locale.withhold());
            body = List.of();
        } else if (version > 1) {
            notes.add(locale.correction(version));
        }
        if (disclosure != null) {
            notes.add(disclosure);
        }
        Instant now = Instant.now();
        Map<String, String> alternates = new LinkedHashMap<>();
        List<String> siblings = new ArrayList<>();
        siblings.add(article.language);
        story.translations().forEach(t -> siblings.add(t.language));
        for (String sibling : siblings) {
            if (!sibling.equals(language) && Audience.mayReceive(partner, story, sibling, now)) {
                alternates.put(sibling, itemUrl(article.id, sibling, OutputFormat.NINJS));
            }
        }
        Map<String, String> links = new LinkedHashMap<>();
        for (OutputFormat format : OutputFormat.values()) {
            links.put(format.id, itemUrl(article.id, language, format));
        }
        Instant embargo = article.embargoUntil != null && article.embargoUntil.isAfter(now) ? article.embargoUntil : null;
        return new LocalizedItem(article.id, uri(article.id, language), article.guid, language, Locales.rtl(language),
                version, article.createdAt, versionCreated, article.pubStatus, embargo, title, revision.byline,
                revision.datelinePlace, revision.datelineDate,
                locale.dateline(revision.datelinePlace, revision.datelineDate),
                body == null ? List.of() : body, originator, distributor, locale.credit(originator, distributor),
                translationOf, machine, disclosure, notes, revision.keywords, alternates, links);
    }
}
