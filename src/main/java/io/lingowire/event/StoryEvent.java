package io.lingowire.event;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * One publishable change, in the append-only log. The sequence is the partner feed cursor and the source of
 * webhook deliveries; a row is written in the same transaction as the change it records.
 */
@Entity
@Table(name = "event")
public class StoryEvent extends PanacheEntityBase {

    public static final String ARTICLE_PUBLISHED = "article.published";
    public static final String ARTICLE_CORRECTED = "article.corrected";
    public static final String ARTICLE_WITHHELD = "article.withheld";
    public static final String ARTICLE_KILLED = "article.killed";
    public static final String TRANSLATION_PUBLISHED = "translation.published";
    public static final String TRANSLATION_STALE = "translation.stale";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    public String type;

    @Column(name = "article_id")
    public String articleId;

    public int version;

    public String language;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The article's embargo when the event was written: an event written before its embargo ended is held back. */
    @Column(name = "embargo_until")
    public Instant embargoUntil;

    /** For {@code translation.published}: an editor approved this language version (else it is machine output). */
    public boolean approved;

    /** Written while the article was under embargo: only partners taking embargoed copy may see it. */
    public boolean underEmbargo() {
        return embargoUntil != null && embargoUntil.isAfter(createdAt);
    }

    public static List<StoryEvent> forArticle(String articleId) {
        return list("articleId = ?1 order by seq", articleId);
    }
}
