package io.lingowire.translation;

import io.lingowire.article.Block;
import io.lingowire.article.JsonColumn;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One language version of an article, pinned to the source revision it translates. */
@Entity
@Table(name = "translation")
public class Translation extends PanacheEntityBase {

    public enum Status {
        queued, translating,
        /** Machine translation finished and passed its checks. */
        translated,
        /** Finished, but a quality check failed: an editor must look at it. */
        review,
        failed,
        /** The source has a newer revision than the one translated. */
        stale
    }

    @Id
    public String id;

    @Column(name = "article_id")
    public String articleId;

    public String language;

    @Column(name = "source_version")
    public int sourceVersion;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String priority;

    public String provider;

    public String model;

    /** The routing rule and the providers tried, in order, with why any failed ({@code default: google failed (TRANSIENT) > azure}). */
    public String route;

    public String title;

    @Convert(converter = JsonColumn.Blocks.class)
    public List<Block> blocks;

    /** Quality findings, e.g. {@code lost "$4.2"}. */
    @Convert(converter = JsonColumn.Strings.class)
    public List<String> flags;

    public int segments;

    @Column(name = "memory_hits")
    public int memoryHits;

    @Column(name = "characters_sent")
    public long charactersSent;

    public String error;

    /** The source version of the text partners were last given (0: never published). */
    @Column(name = "published_version")
    public int publishedVersion;

    /** The editor who approved the current text, when one did; cleared by new machine output. */
    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * Whether partners may be given this text: it was published and is not waiting for review. Partners that take
     * only approved translations also need {@link #approvedBy}.
     */
    public boolean publishable(boolean approvedOnly) {
        return publishedVersion > 0 && status != Status.review && status != Status.failed
                && (!approvedOnly || approvedBy != null);
    }

    public static Optional<Translation> find(String articleId, String language) {
        return find("articleId = ?1 and language = ?2", articleId, language).firstResultOptional();
    }

    public static List<Translation> forArticle(String articleId) {
        return list("articleId = ?1 order by language", articleId);
    }
}
