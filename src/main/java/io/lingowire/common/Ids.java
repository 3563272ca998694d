package io.lingowire.common;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Identifiers: time-ordered UUIDv7 (RFC 9562), so that ordering by id is ordering by creation, which is what
 * cursor pagination over "newest first" needs, and inserts stay append-friendly in InnoDB indexes.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
