package io.lingowire.syndication.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One message to one endpoint, and the log of its attempts: one per (endpoint, event, language). Its id is the
 * {@code webhook-id} the receiver sees on every attempt, and its payload the exact body that is signed and sent.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    /**
     * {@code pending} waits for its first attempt (or a redelivery), {@code failed} waits for a retry after a
     * failed attempt, {@code delivered} got a 2xx, {@code dead} ran out of attempts or its endpoint is gone.
     */
    public enum Status { pending, delivered, failed, dead }

    @Id
    public String id;

    @Column(name = "endpoint_id")
    public String endpointId;

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "event_seq")
    public long eventSeq;

    public String type;

    public String language;

    public String payload;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** Attempts in the current round (a redelivery starts a new round). */
    public int attempts;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
