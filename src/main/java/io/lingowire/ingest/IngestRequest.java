package io.lingowire.ingest;

import java.time.Instant;
import java.util.List;

/**
 * One document handed to the gateway, with what the uploader said about it. Every field but {@code bytes} may be
 * null.
 *
 * @param declaredType the Content-Type the client sent (with parameters such as charset)
 * @param source       the name of the source it came from (a configured feed, a partner desk, ...)
 * @param language     the BCP47 language the uploader declares
 * @param products     the wire products (services, packages) the article belongs to; partners may be entitled to
 *                     some products only
 */
public record IngestRequest(byte[] bytes, String declaredType, String filename, String source, String language,
                            List<String> targets, String priority, Instant embargoUntil, String submittedBy,
                            List<String> products) {
}
