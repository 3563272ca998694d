package io.lingowire.translation.glossary;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The version of one language pair's glossary; every change bumps it (it is part of the memory key). */
@Entity
@Table(name = "glossary")
public class Glossary extends PanacheEntityBase {

    /** {@code en>es}. */
    @Id
    public String pair;

    public int version;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
