package io.lingowire.syndication.partner;

import io.lingowire.article.JsonColumn;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * A partner outlet: what it is entitled to (languages as BCP47 ranges, source names), the formats it takes, whether
 * machine translations reach it as they are or only once an editor approved them, and whether it takes embargoed
 * copy ahead of time (with the embargo in the metadata).
 */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    /** Entitled languages, BCP47 basic ranges: {@code es} covers {@code es} and {@code es-419}. */
    @Convert(converter = JsonColumn.Strings.class)
    public List<String> languages;

    /** Entitled source names (the ingest source, originator or distributor); empty means every source. */
    @Convert(converter = JsonColumn.Strings.class)
    public List<String> sources;

    /** Entitled wire products (given to articles at ingest); empty means every product. */
    @Convert(converter = JsonColumn.Strings.class)
    public List<String> products;

    /** Formats the partner takes; empty means every format. */
    @Convert(converter = JsonColumn.Strings.class)
    public List<String> formats;

    /** Machine translations reach the partner as soon as they pass their checks; else only approved ones. */
    @Column(name = "auto_approve")
    public boolean autoApprove;

    /** Embargoed copy reaches the partner before the embargo, marked with it. */
    @Column(name = "pre_embargo")
    public boolean preEmbargo;

    /** Partner API requests allowed per minute. */
    @Column(name = "rate_limit")
    public int rateLimit;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
