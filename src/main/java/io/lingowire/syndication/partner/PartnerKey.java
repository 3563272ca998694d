package io.lingowire.syndication.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** An API key of a partner. Only its SHA-256 is kept, with a short hint so that people can tell keys apart. */
@Entity
@Table(name = "partner_key")
public class PartnerKey extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "key_hash")
    public String keyHash;

    /** The first characters of the key, e.g. {@code lwp_3fA9…}. */
    public String hint;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static List<PartnerKey> forPartner(String partnerId) {
        return list("partnerId = ?1 order by createdAt", partnerId);
    }
}
