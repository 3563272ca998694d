package io.lingowire.common;

import io.lingowire.common.error.ApiProblem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

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

    /** One page of a list and the cursor of the next one (null on the last page). */
    public record Page<T>(List<T> items, String next) {
    }

    /**
     * Cuts a page from rows read with one row more than {@code limit}: that extra row tells that a next page exists,
     * which starts after the position of the page's last row.
     */
    public static <T> Page<T> page(List<T> rows, int limit, Function<T, String> position) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, encode(position.apply(items.get(limit - 1))));
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
