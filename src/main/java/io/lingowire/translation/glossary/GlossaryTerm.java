package io.lingowire.translation.glossary;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A forced translation of a term, or, without a translation, a term that must not be translated. */
@Entity
@Table(name = "glossary_term")
public class GlossaryTerm extends PanacheEntityBase {

    @Id
    public String id;

    public String pair;

    public String term;

    public String translation;

    @Column(name = "created_at")
    public Instant createdAt;
}
