package io.lingowire.common.job;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One unit of background work in the durable queue. */
@Entity
@Table(name = "job")
public class Job extends PanacheEntityBase {

    public enum Status { queued, running, done, dead, canceled }

    @Id
    public String id;

    public String kind;

    /** Jobs with the same key are one job: enqueuing it again while it is pending returns the pending one. */
    @Column(name = "dedupe_key")
    public String dedupeKey;

    /** JSON understood by the handler of {@link #kind}. */
    public String payload;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** Lower runs sooner. */
    public int priority;

    public int attempts;

    @Column(name = "max_attempts")
    public int maxAttempts;

    @Column(name = "run_at")
    public Instant runAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "locked_by")
    public String lockedBy;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
