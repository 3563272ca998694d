package io.lingowire.ingest.poll;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The poll state of one configured feed: validators for conditional GET, schedule, lease and last outcome. */
@Entity
@Table(name = "feed_source")
public class FeedSource extends PanacheEntityBase {

    @Id
    public String name;

    public String url;

    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "next_poll_at")
    public Instant nextPollAt;

    /** Set while one replica polls the feed, so that no other replica polls it at the same time. */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_polled_at")
    public Instant lastPolledAt;

    @Column(name = "last_status")
    public String lastStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "consecutive_failures")
    public int consecutiveFailures;

    @Column(name = "items_ingested")
    public long itemsIngested;
}
