package io.lingowire.syndication.partner;

import io.lingowire.common.Hashing;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What this replica last read about partner keys and partners, so that the partner API's hot path needs no
 * database and no worker thread (it is asked on the event loop; nothing here is transactional). Changes made through
 * this replica clear it at once; changes made through another replica are seen within {@link #TRUST}.
 */
@ApplicationScoped
public class PartnerDirectory {

    static final Duration TRUST = Duration.ofSeconds(10);

    private record Known<T>(T value, long until) {
        boolean fresh(long now) {
            return until - now > 0;
        }
    }

    private final Map<String, Known<String>> keys = new ConcurrentHashMap<>();
    private final Map<String, Known<Partner>> partners = new ConcurrentHashMap<>();

    /** The partner of a key if this replica knows it as live and fresh; empty means "ask the database". */
    public Optional<Partner> known(String apiKey) {
        long now = System.nanoTime();
        Known<String> key = keys.get(Hashing.sha256Hex(apiKey));
        if (key == null || key.value() == null || !key.fresh(now)) {
            return Optional.empty();
        }
        Known<Partner> partner = partners.get(key.value());
        return partner == null || !partner.fresh(now) ? Optional.empty() : Optional.of(partner.value());
    }

    /** The partner id of a key hash (null: no live key), from memory or from {@code load}. */
    String partnerOf(String keyHash, Supplier<String> load) {
        long now = System.nanoTime();
        Known<String> key = keys.get(keyHash);
        if (key == null || !key.fresh(now)) {
            key = new Known<>(load.get(), now + TRUST.toNanos());
            keys.put(keyHash, key);
        }
        return key.value();
    }

    /** A partner from memory or from {@code load} (null: no such partner, not remembered). */
    Partner partner(String id, Supplier<Partner> load) {
        long now = System.nanoTime();
        Known<Partner> known = partners.get(id);
        if (known == null || !known.fresh(now)) {
            Partner partner = load.get();
            if (partner == null) {
                return null;
            }
            known = new Known<>(partner, now + TRUST.toNanos());
            partners.put(id, known);
        }
        return known.value();
    }

    void forget() {
        keys.clear();
        partners.clear();
    }
}
