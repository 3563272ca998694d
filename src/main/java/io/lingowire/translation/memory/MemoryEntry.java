package io.lingowire.translation.memory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One translated segment, keyed by everything that changes the output. */
@Entity
@Table(name = "translation_memory")
public class MemoryEntry extends PanacheEntityBase {

    @Id
    @Column(name = "key_hash")
    public String keyHash;

    @Column(name = "source_language")
    public String sourceLanguage;

    @Column(name = "target_language")
    public String targetLanguage;

    public String provider;

    public String model;

    @Column(name = "source_text")
    public String sourceText;

    @Column(name = "target_text")
    public String targetText;

    /** Written by an editor's post-edit: wins over machine output. */
    public boolean approved;

    @Column(name = "created_at")
    public Instant createdAt;
}
