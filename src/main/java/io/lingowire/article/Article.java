package io.lingowire.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/**
 * An article's stable identity. Its content lives in {@link ArticleRevision}s; the columns here mirror the
 * current revision so that listing and filtering never touch the content.
 */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

    @Id
    public String id;

    public String guid;

    @Column(name = "current_version")
    public int currentVersion;

    public String title;

    public String language;

    @Column(name = "source_name")
    public String sourceName;

    @Enumerated(EnumType.STRING)
    @Column(name = "pub_status")
    public PubStatus pubStatus;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "embargo_until")
    public Instant embargoUntil;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Why the article was killed, when it was; shown to partners with the cancellation. */
    @Column(name = "kill_reason")
    public String killReason;

    public static Optional<Article> findByGuid(String guid) {
        return find("guid", guid).firstResultOptional();
    }

    void mirror(ArticleRevision revision) {
        currentVersion = revision.version;
        title = revision.title;
        language = revision.language;
        sourceName = revision.sourceName;
        pubStatus = revision.pubStatus;
        publishedAt = revision.publishedAt;
        embargoUntil = revision.embargoUntil;
        updatedAt = revision.createdAt;
    }
}
