package io.lingowire.syndication.feed.rest;

import io.lingowire.common.Hashing;
import io.lingowire.syndication.format.OutputFormat;

import java.util.function.BiConsumer;

/**
 * How a rendered feed page or item goes out: its strong {@code ETag}, the 304 rule for {@code If-None-Match}, and
 * the headers of a 200 and of a 304 — one definition for the JAX-RS resource and the event-loop route.
 */
final class FeedAnswer {

    private FeedAnswer() {
    }

    static String etag(byte[] body) {
        return "\"" + Hashing.sha256Hex(body).substring(0, 32) + "\"";
    }

    /** True when the client already holds exactly these bytes ({@code If-None-Match} names the tag, or {@code *}). */
    static boolean notModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String contentType(OutputFormat format) {
        return format.mediaType + (format == OutputFormat.NINJS ? "" : "; charset=utf-8");
    }

    /**
     * The headers of the answer. A 304 carries the tag and the paging headers but no entity headers; {@code next} is
     * null for a single item, which has no next page.
     */
    static void headers(String etag, OutputFormat format, boolean notModified, String nextUrl, String nextCursor,
                        BiConsumer<String, String> out) {
        out.accept("ETag", etag);
        if (!notModified) {
            out.accept("Content-Type", contentType(format));
            out.accept("Cache-Control", "private, no-cache");
            out.accept("Vary", "Accept, Authorization, X-Api-Key");
        }
        if (nextCursor != null) {
            out.accept("Link", "<" + nextUrl + ">; rel=\"next\"");
            out.accept("X-Next-Cursor", nextCursor);
        }
    }
}
