package io.lingowire.common;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Identifiers: time-ordered UUIDv7 (RFC 9562), so that ordering by id is ordering by creation, which is what
 * cursor pagination over "newest first" needs, and inserts stay append-friendly in InnoDB indexes.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern WELL_FORMED = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Ids() {
    }

    /**
     * Whether {@code id} is written exactly as this class writes ids (lower-case UUID). Looked-up ids are checked
     * first: a database with a case-insensitive collation would find {@code ABC…} or {@code abc…\0} as {@code abc…},
     * and the entity would carry the id as it was asked for.
     */
    public static boolean wellFormed(String id) {
        return id != null && WELL_FORMED.matcher(id).matches();
    }

    public static String newId() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
