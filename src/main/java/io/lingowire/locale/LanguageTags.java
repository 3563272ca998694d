package io.lingowire.locale;

import java.util.Locale;

/** BCP 47 language tags as the gateway compares them: canonical case, primary subtag, basic range matching. */
public final class LanguageTags {

    private LanguageTags() {
    }

    /** A well-formed BCP47 tag in canonical case, or "und". */
    public static String canonical(String tag) {
        if (tag == null || tag.isBlank()) {
            return "und";
        }
        String canonical = Locale.forLanguageTag(tag.strip().replace('_', '-')).toLanguageTag();
        return canonical.isEmpty() ? "und" : canonical;
    }

    /** The primary subtag of a BCP47 tag, lower case: {@code pt-BR} gives {@code pt}. */
    public static String primary(String tag) {
        String canonical = canonical(tag);
        int dash = canonical.indexOf('-');
        return dash < 0 ? canonical : canonical.substring(0, dash);
    }

    /** RFC 4647 basic filtering: the range {@code es} covers {@code es} and {@code es-419}; {@code *} covers all. */
    public static boolean matches(String range, String tag) {
        String r = range.toLowerCase(Locale.ROOT);
        String t = canonical(tag).toLowerCase(Locale.ROOT);
        return r.equals("*") || t.equals(r) || t.startsWith(r + "-");
    }
}
