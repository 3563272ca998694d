package io.lingowire.common;

import io.lingowire.common.error.ApiProblem;

/**
 * Query and form parameters read the same way everywhere: a value that does not parse is a 400 naming the
 * parameter (never the framework's 404 for an unconvertible parameter).
 */
public final class Params {

    private Params() {
    }

    /** A whole number between {@code min} and {@code max}; {@code fallback} when the parameter is absent. */
    public static Integer integer(String name, String value, int min, int max, Integer fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw ApiProblem.badRequest("invalid-" + name, name + " must be a whole number between " + min + " and " + max);
    }

    /** One of the values allowed (case ignored), as written there; {@code fallback} when absent. */
    public static String oneOf(String name, String value, String fallback, String... allowed) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value.strip())) {
                return a;
            }
        }
        throw ApiProblem.badRequest("invalid-" + name, name + " must be one of " + String.join(", ", allowed));
    }
}
