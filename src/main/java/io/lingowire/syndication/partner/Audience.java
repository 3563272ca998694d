package io.lingowire.syndication.partner;

import io.lingowire.locale.LanguageTags;
import io.lingowire.article.Article;
import io.lingowire.article.ArticleRevision;
import io.lingowire.article.SourceRef;
import io.lingowire.event.StoryEvent;
import io.lingowire.translation.Translation;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who may see what: the one place where entitlements (languages, sources, products), embargo and approval decide which
 * language versions of an article an event concerns for a partner. The pull feed, single items and webhook
 * deliveries all ask here.
 */
public final class Audience {

    private Audience() {
    }

    /** The article as it stands, with its current revision and its language versions. */
    public record Story(Article article, ArticleRevision revision, List<Translation> translations) {
    }

    /**
     * The language versions an event concerns for a partner; empty when the partner may not see it. Kills and
     * withholds reach every language version the partner was given, so that none stays in use.
     */
    public static Set<String> languages(Partner partner, StoryEvent event, Story story) {
        Set<String> out = new LinkedHashSet<>();
        if (!storyEntitled(partner, story.revision()) || (event.underEmbargo() && !partner.preEmbargo)) {
            return out;
        }
        switch (event.type) {
            case StoryEvent.ARTICLE_PUBLISHED, StoryEvent.ARTICLE_CORRECTED -> {
                if (languageEntitled(partner, event.language)) {
                    out.add(event.language);
                }
            }
            case StoryEvent.ARTICLE_WITHHELD, StoryEvent.ARTICLE_KILLED -> {
                if (languageEntitled(partner, story.article().language)) {
                    out.add(story.article().language);
                }
                for (Translation t : story.translations()) {
                    if (t.publishedVersion > 0 && languageEntitled(partner, t.language)) {
                        out.add(t.language);
                    }
                }
            }
            case StoryEvent.TRANSLATION_PUBLISHED -> {
                if (languageEntitled(partner, event.language) && (partner.autoApprove || event.approved)) {
                    out.add(event.language);
                }
            }
            case StoryEvent.TRANSLATION_STALE -> story.translations().stream()
                    .filter(t -> t.language.equals(event.language) && t.publishedVersion > 0)
                    .filter(t -> languageEntitled(partner, t.language))
                    .findFirst().ifPresent(t -> out.add(t.language));
            default -> {
            }
        }
        return out;
    }

    /**
     * Whether the partner may be given one language version now: entitled, past the embargo (or taking embargoed
     * copy), and for a translation, published and approved when the partner takes only approved ones.
     */
    public static boolean mayReceive(Partner partner, Story story, String language, Instant now) {
        if (!storyEntitled(partner, story.revision()) || !languageEntitled(partner, language)) {
            return false;
        }
        Instant embargo = story.article().embargoUntil;
        if (embargo != null && embargo.isAfter(now) && !partner.preEmbargo) {
            return false;
        }
        if (language.equals(story.article().language)) {
            return true;
        }
        return story.translations().stream().anyMatch(t -> t.language.equals(language)
                && t.publishable(!partner.autoApprove));
    }

    /** RFC 4647 basic filtering: the range {@code es} matches {@code es} and {@code es-419}; {@code *} matches all. */
    public static boolean languageEntitled(Partner partner, String tag) {
        if (tag == null) {
            return false;
        }
        return partner.languages.stream().anyMatch(range -> LanguageTags.matches(range, tag));
    }

    /**
     * Whether the partner may have the story at all, whatever the language: its source and its products are among
     * the partner's (an empty list of either means all). Entitled sources name the ingest source, the originator or
     * the distributor; entitled products name one of the products the story was ingested into.
     */
    public static boolean storyEntitled(Partner partner, ArticleRevision revision) {
        return sourceEntitled(partner, revision) && productEntitled(partner, revision);
    }

    private static boolean productEntitled(Partner partner, ArticleRevision revision) {
        if (partner.products == null || partner.products.isEmpty()) {
            return true;
        }
        return revision.products != null
                && revision.products.stream().anyMatch(p -> partner.products.stream().anyMatch(p::equalsIgnoreCase));
    }

    private static boolean sourceEntitled(Partner partner, ArticleRevision revision) {
        if (partner.sources == null || partner.sources.isEmpty()) {
            return true;
        }
        for (String source : partner.sources) {
            if (source.equalsIgnoreCase(revision.sourceName)) {
                return true;
            }
            if (revision.sourceChain != null) {
                for (SourceRef ref : revision.sourceChain) {
                    if (!SourceRef.CITED.equals(ref.role()) && source.equalsIgnoreCase(ref.name())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
