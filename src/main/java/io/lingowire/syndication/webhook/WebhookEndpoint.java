package io.lingowire.syndication.webhook;

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
 * A partner's webhook receiver: where deliveries go, which event types it wants, and its signing secret, kept
 * encrypted ({@link SecretCipher}). After a rotation the previous secret signs beside the new one for a while. An
 * endpoint is disabled when it answers 410 Gone; a disabled endpoint gets nothing until an admin enables it again.
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "partner_id")
    public String partnerId;

    public String url;

    /** Event types delivered; empty means every type. */
    @Convert(converter = JsonColumn.Strings.class)
    public List<String> events;

    /** The {@code whsec_} secret, encrypted. Never leaves the server after the answer that created it. */
    public String secret;

    /** The secret before the last rotation, encrypted; it signs beside {@link #secret} until {@link #previousSecretUntil}. */
    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    public boolean enabled;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    /** The event log's last sequence when the endpoint was made: it gets only events after that. */
    @Column(name = "from_seq")
    public long fromSeq;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Whether the secret before the last rotation still signs. */
    public boolean previousSecretLive(Instant now) {
        return previousSecret != null && previousSecretUntil != null && previousSecretUntil.isAfter(now);
    }

    /** Whether an event of this type goes to this endpoint at all (entitlements are decided elsewhere). */
    public boolean wants(String type) {
        return events == null || events.isEmpty() || events.contains(type);
    }

    public static List<WebhookEndpoint> forPartner(String partnerId) {
        return list("partnerId = ?1 order by createdAt", partnerId);
    }

    public static List<WebhookEndpoint> listEnabled() {
        return list("enabled = true");
    }
}
