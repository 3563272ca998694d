package io.lingowire.ingest.analyze;

import io.lingowire.article.SourceRef;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the dateline and attribution a wire story opens with, the way a wire editor reads them, and separates
 * them from the body text:
 * <ul>
 *   <li>syndication lines: {@code date 2024-11-09 (MENAFN- Khaama Press)} — distributor MENAFN, originator
 *   Khaama Press, date 2024-11-09;</li>
 *   <li>classic datelines: {@code KABUL, Nov 9 (Reuters) -}, {@code WASHINGTON (AP) —},
 *   {@code MADRID, 9 nov (EFE).-}, and their Arabic-script equivalents;</li>
 *   <li>a news agency the first sentence cites ({@code Reuters has reported that ...}).</li>
 * </ul>
 */
public final class AttributionParser {


    /** {@code PLACE[, Region][, date] (Agency) -}: place in capitals, agency in parentheses, then a dash. */
    private static final Pattern WIRE_DATELINE = Pattern.compile(
            "^\\s*(\\p{Lu}[\\p{Lu}\\p{M} .'’-]{1,40}?)(?:\\s*,\\s*([^(),\\n]{2,40}?))?(?:\\s*,\\s*([^(),\\n]{3,30}?))?"
                    + "\\s*\\(([^()\\n]{2,40})\\)\\s*\\.?\\s*[-–—:]+\\s*");
    /** The same in Arabic script, where there are no capitals: a short place, the agency in parentheses, a dash. */
    private static final Pattern ARABIC_DATELINE = Pattern.compile(
            "^\\s*([\\p{IsArabic}\\s]{2,30}?)\\s*[،,]?\\s*\\(([^()\\n]{2,40})\\)\\s*[-–—:]+\\s*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?؟۔]\\s");
    /** Left-to-right and right-to-left marks that editors and converters leave around datelines. */
    private static final Pattern BIDI_MARKS = Pattern.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]");

    /**
     * {@code [<lead word>] [2024-11-09] (MENAFN- Khaama Press)}: a distributor relaying an originator. The lead word
     * is one of the configured languages' own (data in {@code locales/}); digits may be Eastern Arabic or Persian.
     */
    private final Pattern syndication;
    private final List<String> agencies;
    private final List<Pattern> agencyPatterns;
    /** Day-and-month forms in every language datelines may use, built once: "Nov 9", "9 noviembre", ... */
    private final List<DateTimeFormatter> monthDays;

    /**
     * @param leadWords    the words a syndication line may open with before its date, in any language
     * @param agencies     news agencies a first sentence may cite
     * @param monthLocales the languages whose month names datelines may use
     */
    public AttributionParser(Collection<String> leadWords, List<String> agencies, List<Locale> monthLocales) {
        String lead = leadWords.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        this.syndication = Pattern.compile("^\\s*(?:(?iu:" + (lead.isEmpty() ? "(?!)" : lead) + ")\\s*:?\\s+)?"
                + "(\\p{Nd}{4}-\\p{Nd}{2}-\\p{Nd}{2})?\\s*\\(\\s*(\\p{Lu}[\\p{L}0-9&.]{1,24})\\s*[-–—:]\\s*"
                + "([^()]{2,80}?)\\s*\\)\\s*[-–—:]?\\s*");
        this.agencies = List.copyOf(agencies);
        this.agencyPatterns = agencies.stream()
                .map(a -> Pattern.compile("(?<![\\p{L}])" + Pattern.quote(a) + "(?![\\p{L}])")).toList();
        this.monthDays = monthLocales.stream().flatMap(locale -> Stream.of("MMM d", "MMMM d", "d MMM", "d MMMM")
                .map(pattern -> new DateTimeFormatterBuilder().parseCaseInsensitive().parseLenient()
                        .appendPattern(pattern).toFormatter(locale))).toList();
    }

    /** What the opening of the first paragraph said, and the paragraph without it. */
    public record Attribution(String datelineText, String place, LocalDate date, List<SourceRef> chain,
                              String remainingText) {
    }

    public Optional<Attribution> parse(String paragraph, int yearHint) {
        String firstParagraph = BIDI_MARKS.matcher(paragraph).replaceAll("");
        Matcher syndication = this.syndication.matcher(firstParagraph);
        if (syndication.find()) {
            List<SourceRef> chain = new ArrayList<>();
            chain.add(new SourceRef(syndication.group(2), SourceRef.DISTRIBUTOR));
            chain.add(new SourceRef(syndication.group(3).strip(), SourceRef.ORIGINATOR));
            String rest = firstParagraph.substring(syndication.end());
            LocalDate date = syndication.group(1) == null ? null : isoDate(asciiDigits(syndication.group(1)));
            return Optional.of(new Attribution(syndication.group().strip().replaceAll("[\\s\\-–—:]+$", ""), null, date,
                    withCited(chain, rest), rest));
        }
        Matcher wire = WIRE_DATELINE.matcher(firstParagraph);
        if (wire.find() && isPlace(wire.group(1))) {
            String datePart = wire.group(3) != null ? wire.group(3) : wire.group(2);
            LocalDate date = datePart == null ? null : monthDay(datePart, yearHint);
            String place = wire.group(1).strip();
            if (wire.group(3) != null || (wire.group(2) != null && date == null)) {
                place = place + ", " + wire.group(2).strip();
            }
            List<SourceRef> chain = new ArrayList<>(List.of(new SourceRef(wire.group(4).strip(), SourceRef.ORIGINATOR)));
            String rest = firstParagraph.substring(wire.end());
            return Optional.of(new Attribution(wire.group().strip(), place, date, withCited(chain, rest), rest));
        }
        Matcher arabic = ARABIC_DATELINE.matcher(firstParagraph);
        if (arabic.find()) {
            List<SourceRef> chain = new ArrayList<>(List.of(new SourceRef(arabic.group(2).strip(), SourceRef.ORIGINATOR)));
            String rest = firstParagraph.substring(arabic.end());
            return Optional.of(new Attribution(arabic.group().strip(), arabic.group(1).strip(), null,
                    withCited(chain, rest), rest));
        }
        List<SourceRef> cited = withCited(new ArrayList<>(), firstParagraph);
        return cited.isEmpty() ? Optional.empty()
                : Optional.of(new Attribution(null, null, null, cited, firstParagraph));
    }

    /** Adds the agency the first sentence attributes its news to, unless the chain already names it. */
    private List<SourceRef> withCited(List<SourceRef> chain, String text) {
        Matcher end = SENTENCE_END.matcher(text);
        String sentence = end.find() ? text.substring(0, end.start() + 1) : text;
        for (int i = 0; i < agencies.size(); i++) {
            String agency = agencies.get(i);
            if (agencyPatterns.get(i).matcher(sentence).find()
                    && chain.stream().noneMatch(s -> s.name().equalsIgnoreCase(agency))) {
                chain.add(new SourceRef(agency, SourceRef.CITED));
                break;
            }
        }
        return chain;
    }

    private static boolean isPlace(String candidate) {
        String letters = candidate.replaceAll("[^\\p{L}]", "");
        return letters.length() >= 2 && letters.equals(letters.toUpperCase(Locale.ROOT));
    }

    /** Digits of any script (Eastern Arabic, Persian, ...) as ASCII digits. */
    static String asciiDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int digit = Character.isDigit(cp) ? Character.digit(cp, 10) : -1;
            out.appendCodePoint(digit >= 0 ? '0' + digit : cp);
        });
        return out.toString();
    }

    /**
     * A line that is only a date (a document's date header): ISO, or day and month names in a configured language,
     * with or without the year; null when it is more than that.
     */
    LocalDate dateLine(String text, int yearHint) {
        String t = asciiDigits(BIDI_MARKS.matcher(text).replaceAll("")).strip();
        if (t.length() > 40) {
            return null;
        }
        LocalDate iso = isoDate(t);
        if (iso != null) {
            return iso;
        }
        Matcher year = TRAILING_YEAR.matcher(t);
        int y = yearHint;
        String monthAndDay = t;
        if (year.find()) {
            y = Integer.parseInt(year.group(1));
            monthAndDay = t.substring(0, year.start());
        }
        return monthDay(monthAndDay.replaceAll("^\\p{L}+,\\s*(?=\\p{L}+\\s+\\d|\\d)", ""), y);
    }

    private static final Pattern TRAILING_YEAR = Pattern.compile(",?\\s*(?:de\\s+)?(\\d{4})$");

    private static LocalDate isoDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "Nov 9", "November 9", "9 nov", "9 novembre", "9 de noviembre", with the year taken from the hint. */
    LocalDate monthDay(String text, int year) {
        String cleaned = asciiDigits(text.strip().replaceAll("\\.", "").replaceAll("\\s+de\\s+", " "))
                .toLowerCase(Locale.ROOT);
        for (DateTimeFormatter format : monthDays) {
            try {
                return MonthDay.parse(cleaned, format).atYear(year);
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        return null;
    }
}
