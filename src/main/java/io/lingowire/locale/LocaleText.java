package io.lingowire.locale;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one locale says and how: its name, writing direction, date and dateline formats, credit line and the
 * machine-translation disclosure, read from {@code locales/<tag>.properties}.
 */
public final class LocaleText {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private final String tag;
    private final Properties values;
    private final DateTimeFormatter dates;

    LocaleText(String tag, Properties values) {
        this.tag = tag;
        this.values = values;
        for (String key : new String[]{"name", "direction", "date-format", "dateline-format", "credit",
                "credit-single", "mt-disclosure", "mt-disclosure-reviewed", "correction-note", "kill-note",
                "withhold-note"}) {
            if (values.getProperty(key) == null || values.getProperty(key).isBlank()) {
                throw new IllegalStateException("locales/" + tag + ".properties lacks '" + key + "'");
            }
        }
        if (!rtl() && !"ltr".equals(values.getProperty("direction"))) {
            throw new IllegalStateException("locales/" + tag + ".properties: direction must be ltr or rtl");
        }
        this.dates = DateTimeFormatter.ofPattern(values.getProperty("date-format"), Locale.forLanguageTag(tag));
    }

    /** Words a syndication line may open with before its date in this language ({@code fecha 2025-05-21 (…)}). */
    public List<String> datelineLeadWords() {
        return list("dateline-lead-words");
    }

    /** News agencies a story in this language may cite by name. */
    public List<String> agencies() {
        return list("agencies");
    }

    private List<String> list(String key) {
        String value = values.getProperty(key, "");
        return Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    public String tag() {
        return tag;
    }

    public String name() {
        return values.getProperty("name");
    }

    public boolean rtl() {
        return "rtl".equals(values.getProperty("direction"));
    }

    public String direction() {
        return rtl() ? "rtl" : "ltr";
    }

    public String date(LocalDate date) {
        return dates.format(date);
    }

    public String dateline(String place, LocalDate date) {
        if (place == null && date == null) {
            return null;
        }
        if (date == null) {
            return place;
        }
        if (place == null) {
            return date(date);
        }
        return fill("dateline-format", Map.of("place", place, "date", date(date)));
    }

    public String credit(String originator, String distributor) {
        if (originator == null && distributor == null) {
            return null;
        }
        if (originator == null || distributor == null || originator.equals(distributor)) {
            return fill("credit-single", Map.of("originator", originator != null ? originator : distributor));
        }
        return fill("credit", Map.of("originator", originator, "distributor", distributor));
    }

    /** The disclosure a machine translation carries, naming the source language (in this locale) and the engine. */
    public String disclosure(String sourceLanguage, String engine, boolean reviewed) {
        String language = Locale.forLanguageTag(sourceLanguage).getDisplayLanguage(Locale.forLanguageTag(tag));
        return fill(reviewed ? "mt-disclosure-reviewed" : "mt-disclosure", Map.of("language", language, "engine", engine));
    }

    public String correction(int version) {
        return fill("correction-note", Map.of("version", Integer.toString(version)));
    }

    public String kill(String reason) {
        return fill("kill-note", Map.of("reason", reason == null ? "" : reason)).strip();
    }

    public String withhold() {
        return values.getProperty("withhold-note");
    }

    private String fill(String key, Map<String, String> args) {
        Matcher m = PLACEHOLDER.matcher(values.getProperty(key));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(args.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
