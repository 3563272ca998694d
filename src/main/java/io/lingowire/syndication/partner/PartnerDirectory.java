package io.lingowire.syndication.partner;

import io.lingowire.common.Hashing;
import io.lingowire.common.ReplicaCache;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What this replica last read about partner keys and partners, so that the partner API's hot path needs no
 * database and no worker thread (it is asked on the event loop; nothing here is transactional). Changes made through
 * this replica clear it at once; changes made through another replica are seen within {@link #TRUST}.
 */
@ApplicationScoped
public class PartnerDirectory {

    static final Duration TRUST = Duration.ofSeconds(10);

    /** Key hash → partner id, or "no live key" (remembered too, so that a bad key costs one look-up per period). */
    private final ReplicaCache<String> keys;
    private final ReplicaCache<Partner> partners;

    PartnerDirectory(Clock clock) {
        keys = new ReplicaCache<>(TRUST, 10_000, clock);
        partners = new ReplicaCache<>(TRUST, 10_000, clock);
    }

    /** The partner of a key if this replica knows it as live and fresh; empty means "ask the database". */
    public Optional<Partner> known(String apiKey) {
        return keys.fresh(Hashing.sha256Hex(apiKey)).flatMap(partners::fresh);
    }

    /** The partner id of a key hash (null: no live key), from memory or from {@code load}. */
    String partnerOf(String keyHash, Supplier<String> load) {
        return keys.get(keyHash, load, true);
    }

    /** A partner from memory or from {@code load} (null: no such partner, not remembered). */
    Partner partner(String id, Supplier<Partner> load) {
        return partners.get(id, load, false);
    }

    void forget() {
        keys.clear();
        partners.clear();
    }
}
