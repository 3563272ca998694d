package io.lingowire.article;

import java.util.Locale;

/** The IPTC publishing status of an article (NewsML-G2 stat:, ninjs pubstatus). */
public enum PubStatus {
    usable, withheld, canceled;

    /** Reads the names the news formats use: {@code stat:usable}, {@code usable}, {@code embargoed}, {@code canceled}/{@code cancelled}. */
    public static PubStatus parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        int colon = v.lastIndexOf(':');
        if (colon >= 0) {
            v = v.substring(colon + 1);
        }
        return switch (v) {
            case "usable", "embargoed" -> usable;
            case "withheld" -> withheld;
            case "canceled", "cancelled", "killed" -> canceled;
            default -> null;
        };
    }
}
