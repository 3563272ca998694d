package io.lingowire.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** The bytes exactly as they were received, kept once per distinct SHA-256. */
@Entity
@Table(name = "original_document")
public class OriginalDocument extends PanacheEntityBase {

    @Id
    public String id;

    public String sha256;

    @Column(name = "media_type")
    public String mediaType;

    public String filename;

    public long size;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    public byte[] content;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<OriginalDocument> findBySha256(String sha256) {
        return find("sha256", sha256).firstResultOptional();
    }
}
