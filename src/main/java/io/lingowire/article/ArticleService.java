package io.lingowire.article;

import io.lingowire.common.Cursor;
import io.lingowire.common.Ids;
import io.lingowire.common.error.ApiProblem;
import io.lingowire.event.StoryEvent;
import io.lingowire.event.EventLog;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stores analysed articles under their identity rules, and reads them back. An item with a guid is that guid's
 * article: identical content is a duplicate, changed content a new revision. An item without a guid is identified
 * by its content fingerprint. Every stored change writes its event in the same transaction.
 */
@ApplicationScoped
@Transactional
public class ArticleService {

    static final String CONTENT_GUID_PREFIX = "urn:lingowire:sha256:";

    private final EventLog events;
    private final jakarta.enterprise.event.Event<ArticleRevised> revised;

    ArticleService(EventLog events, jakarta.enterprise.event.Event<ArticleRevised> revised) {
        this.events = events;
        this.revised = revised;
    }

    public enum Outcome { CREATED, REVISED, DUPLICATE }

    public record Stored(Article article, ArticleRevision revision, Outcome outcome) {
    }

    /** The bytes as received, described; stored once per distinct content. */
    public record Original(byte[] bytes, String sha256, String mediaType, String filename) {
    }

    public List<Stored> store(List<ArticleDraft> drafts, Original original, String user) {
        OriginalDocument document = document(original);
        List<Stored> stored = new ArrayList<>(drafts.size());
        for (ArticleDraft draft : drafts) {
            stored.add(storeOne(draft, document, user));
        }
        return stored;
    }

    /** The stored original with these bytes, stored now if it is new. */
    private static OriginalDocument document(Original original) {
        return OriginalDocument.findBySha256(original.sha256()).orElseGet(() -> {
            OriginalDocument d = new OriginalDocument();
            d.id = Ids.newId();
            d.sha256 = original.sha256();
            d.mediaType = original.mediaType();
            d.filename = original.filename();
            d.size = original.bytes().length;
            d.content = original.bytes();
            d.createdAt = Instant.now();
            d.persist();
            return d;
        });
    }

    private Stored storeOne(ArticleDraft draft, OriginalDocument original, String user) {
        if (draft.guid() == null) {
            Optional<ArticleRevision> same = ArticleRevision.findByContentHash(draft.contentHash());
            if (same.isPresent()) {
                return new Stored(same.get().article, same.get(), Outcome.DUPLICATE);
            }
        }
        String guid = draft.guid() != null ? draft.guid() : CONTENT_GUID_PREFIX + draft.contentHash();
        Optional<Article> existing = Article.findByGuid(guid);
        if (existing.isEmpty()) {
            Article article = new Article();
            article.id = Ids.newId();
            article.guid = guid;
            article.createdAt = Instant.now();
            ArticleRevision revision = revision(article, 1, draft, original, user);
            article.mirror(revision);
            article.persist();
            revision.persist();
            // a concurrent insert of the same guid fails here, inside the transaction, where the caller can retry
            article.flush();
            events.append(eventType(revision.pubStatus, false), article.id, 1, revision.language, revision.embargoUntil);
            return new Stored(article, revision, Outcome.CREATED);
        }
        Article article = existing.get();
        for (ArticleRevision previous : ArticleRevision.history(article.id)) {
            if (previous.contentHash.equals(draft.contentHash()) && previous.pubStatus == draft.pubStatus()) {
                return new Stored(article, previous, Outcome.DUPLICATE);
            }
        }
        return revise(article, draft, original, user);
    }

    /**
     * A correction of a known article, whatever its content and identity say: a new revision unless it is the
     * current revision again (same content and status), which is answered as a duplicate.
     */
    public Stored correct(String articleId, ArticleDraft draft, Original original, String user) {
        Article article = article(articleId);
        ArticleRevision current = revision(articleId, null);
        if (current.contentHash.equals(draft.contentHash()) && current.pubStatus == draft.pubStatus()) {
            return new Stored(article, current, Outcome.DUPLICATE);
        }
        return revise(article, draft, document(original), user);
    }

    private Stored revise(Article article, ArticleDraft draft, OriginalDocument original, String user) {
        int version = article.currentVersion + 1;
        ArticleRevision revision = revision(article, version, draft, original, user);
        revision.persist();
        article.mirror(revision);
        events.append(eventType(revision.pubStatus, true), article.id, version, revision.language, revision.embargoUntil);
        revised.fire(new ArticleRevised(article.id, version));
        return new Stored(article, revision, Outcome.REVISED);
    }

    private static String eventType(PubStatus status, boolean revision) {
        return switch (status) {
            case withheld -> StoryEvent.ARTICLE_WITHHELD;
            case canceled -> StoryEvent.ARTICLE_KILLED;
            case usable -> revision ? StoryEvent.ARTICLE_CORRECTED : StoryEvent.ARTICLE_PUBLISHED;
        };
    }

    private static ArticleRevision revision(Article article, int version, ArticleDraft d, OriginalDocument original,
                                            String user) {
        ArticleRevision r = new ArticleRevision();
        r.id = Ids.newId();
        r.article = article;
        r.version = version;
        r.contentHash = d.contentHash();
        r.title = d.title();
        r.byline = d.byline();
        r.datelinePlace = d.datelinePlace();
        r.datelineDate = d.datelineDate();
        r.datelineText = d.datelineText();
        r.sourceName = d.sourceName();
        r.sourceChain = d.chain();
        r.language = d.language();
        r.languageConfidence = d.languageConfidence();
        r.detectedLanguage = d.detectedLanguage();
        r.declaredLanguage = d.declaredLanguage();
        r.publishedAt = d.publishedAt();
        r.embargoUntil = d.embargoUntil();
        r.pubStatus = d.pubStatus();
        r.keywords = d.keywords();
        r.products = d.products();
        r.blocks = d.blocks();
        r.original = original;
        r.createdBy = user;
        r.createdAt = Instant.now();
        return r;
    }

    // --- reads ---

    @Transactional(Transactional.TxType.SUPPORTS)
    public Article article(String id) {
        // an id is exact: the database may compare without case or trailing characters, the API does not
        if (!Ids.wellFormed(id)) {
            throw ApiProblem.notFound("Article", id);
        }
        return Article.<Article>findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("Article", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ArticleRevision revision(String id, Integer version) {
        Article article = article(id);
        int wanted = version == null ? article.currentVersion : version;
        return ArticleRevision.find(id, wanted)
                .orElseThrow(() -> ApiProblem.notFound("Version " + wanted + " of article", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ArticleRevision> revisions(String id) {
        article(id);
        return ArticleRevision.history(id);
    }

    /** The original bytes of a revision; they are loaded only here, never with the article. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Original original(String id, Integer version) {
        OriginalDocument original = revision(id, version).original;
        if (original == null) {
            throw ApiProblem.notFound("Original document of article", id);
        }
        return new Original(original.content, original.sha256, original.mediaType, original.filename);
    }

    public record Filter(String language, String source, PubStatus status, String q) {
    }

    public record Page(List<Article> items, String next) {
    }

    /** Newest first; the cursor is the last id of the previous page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(Filter filter, String cursor, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (cursor != null && !cursor.isBlank()) {
            where.append(" and id < :after");
            params.and("after", Cursor.decode(cursor));
        }
        if (filter.language() != null) {
            where.append(" and (language = :language or language like :languagePrefix)");
            params.and("language", filter.language()).and("languagePrefix", filter.language() + "-%");
        }
        if (filter.source() != null) {
            where.append(" and sourceName = :source");
            params.and("source", filter.source());
        }
        if (filter.status() != null) {
            where.append(" and pubStatus = :status");
            params.and("status", filter.status());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and lower(title) like :q");
            params.and("q", "%" + filter.q().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        Cursor.Page<Article> page = Cursor.page(
                Article.<Article>find(where + " order by id desc", params).page(0, limit + 1).list(), limit, a -> a.id);
        return new Page(page.items(), page.next());
    }
}
