package io.lingowire.common;

import io.lingowire.common.error.ApiProblem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque pagination cursors: the position encoded so clients do not build them by hand. A cursor that does not
 * decode is the client's mistake and gets a 400.
 */
public final class Cursor {

    private static final String PREFIX = "lw1:";

    private Cursor() {
    }

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.startsWith(PREFIX)) {
                return raw.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to the problem below
        }
        throw ApiProblem.badRequest("invalid-cursor", "The cursor is not one this server issued");
    }
}
