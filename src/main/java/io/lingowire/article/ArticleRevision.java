package io.lingowire.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One version of an article's content. Revisions are never changed once written. */
@Entity
@Table(name = "article_revision")
public class ArticleRevision extends PanacheEntityBase {

    @Id
    public String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "article_id")
    public Article article;

    public int version;

    @Column(name = "content_hash")
    public String contentHash;

    public String title;

    public String byline;

    @Column(name = "dateline_place")
    public String datelinePlace;

    @Column(name = "dateline_date")
    public LocalDate datelineDate;

    /** The dateline exactly as printed, e.g. {@code date 2024-11-09 (MENAFN- Khaama Press)}. */
    @Column(name = "dateline_text")
    public String datelineText;

    @Column(name = "source_name")
    public String sourceName;

    @Convert(converter = JsonColumn.Chain.class)
    @Column(name = "source_chain")
    public List<SourceRef> sourceChain;

    public String language;

    @Column(name = "language_confidence")
    public Double languageConfidence;

    @Column(name = "detected_language")
    public String detectedLanguage;

    @Column(name = "declared_language")
    public String declaredLanguage;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "embargo_until")
    public Instant embargoUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "pub_status")
    public PubStatus pubStatus;

    @Convert(converter = JsonColumn.Strings.class)
    public List<String> keywords;

    /** Wire products (services, packages) the article belongs to, as given at ingest; entitlements may name them. */
    @Convert(converter = JsonColumn.Strings.class)
    public List<String> products;

    @Convert(converter = JsonColumn.Blocks.class)
    public List<Block> blocks;

    /** Loaded with the revision; its bytes are not (they are a lazy column of their own). */
    @ManyToOne
    @JoinColumn(name = "original_id")
    public OriginalDocument original;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<ArticleRevision> find(String articleId, int version) {
        return find("article.id = ?1 and version = ?2", articleId, version).firstResultOptional();
    }

    public static List<ArticleRevision> history(String articleId) {
        return list("article.id = ?1 order by version", articleId);
    }

    public static Optional<ArticleRevision> findByContentHash(String hash) {
        return find("contentHash = ?1 order by createdAt", hash).firstResultOptional();
    }
}
