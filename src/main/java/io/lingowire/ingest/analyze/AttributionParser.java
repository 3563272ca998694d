package io.lingowire.ingest.analyze;

import io.lingowire.article.SourceRef;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** {@code [date 2024-11-09] (MENAFN- Khaama Press)}: a distributor relaying an originator. */
    private static final Pattern SYNDICATION = Pattern.compile(
            "^\\s*(?:date\\s+)?(\\d{4}-\\d{2}-\\d{2})?\\s*\\(\\s*(\\p{Lu}[\\p{L}0-9&.]{1,24})\\s*[-–—:]\\s*"
                    + "([^()]{2,80}?)\\s*\\)\\s*[-–—:]?\\s*");
    /** {@code PLACE[, Region][, date] (Agency) -}: place in capitals, agency in parentheses, then a dash. */
    private static final Pattern WIRE_DATELINE = Pattern.compile(
            "^\\s*(\\p{Lu}[\\p{Lu}\\p{M} .'’-]{1,40}?)(?:\\s*,\\s*([^(),\\n]{2,40}?))?(?:\\s*,\\s*([^(),\\n]{3,30}?))?"
                    + "\\s*\\(([^()\\n]{2,40})\\)\\s*\\.?\\s*[-–—:]+\\s*");
    /** The same in Arabic script, where there are no capitals: a short place, the agency in parentheses, a dash. */
    private static final Pattern ARABIC_DATELINE = Pattern.compile(
            "^\\s*([\\p{IsArabic}\\s]{2,30}?)\\s*[،,]?\\s*\\(([^()\\n]{2,40})\\)\\s*[-–—:]+\\s*");
    private static final List<String> AGENCIES = List.of("Reuters", "Associated Press", "AP", "AFP",
            "Agence France-Presse", "EFE", "dpa", "ANSA", "Xinhua", "TASS", "Anadolu Agency", "Anadolu", "Bloomberg",
            "Kyodo", "Yonhap", "Europa Press", "PTI", "IRNA", "WAFA", "Al Jazeera", "BBC", "CNN", "Tolo News",
            "TOLOnews", "Pajhwok", "Khaama Press", "رويترز", "رویترز", "فرانس برس", "خبرگزاری فرانسه",
            "أسوشيتد برس", "آسوشیتدپرس");
    private static final List<Pattern> AGENCY_PATTERNS = AGENCIES.stream()
            .map(a -> Pattern.compile("(?<![\\p{L}])" + Pattern.quote(a) + "(?![\\p{L}])")).toList();
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?؟۔]\\s");
    private static final List<Locale> MONTH_LOCALES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"),
            Locale.FRENCH, Locale.forLanguageTag("ca"), Locale.forLanguageTag("pt"), Locale.ITALIAN, Locale.GERMAN);

    /** What the opening of the first paragraph said, and the paragraph without it. */
    public record Attribution(String datelineText, String place, LocalDate date, List<SourceRef> chain,
                              String remainingText) {
    }

    public Optional<Attribution> parse(String firstParagraph, int yearHint) {
        Matcher syndication = SYNDICATION.matcher(firstParagraph);
        if (syndication.find()) {
            List<SourceRef> chain = new ArrayList<>();
            chain.add(new SourceRef(syndication.group(2), SourceRef.DISTRIBUTOR));
            chain.add(new SourceRef(syndication.group(3).strip(), SourceRef.ORIGINATOR));
            String rest = firstParagraph.substring(syndication.end());
            LocalDate date = syndication.group(1) == null ? null : isoDate(syndication.group(1));
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
    private static List<SourceRef> withCited(List<SourceRef> chain, String text) {
        Matcher end = SENTENCE_END.matcher(text);
        String sentence = end.find() ? text.substring(0, end.start() + 1) : text;
        for (int i = 0; i < AGENCIES.size(); i++) {
            String agency = AGENCIES.get(i);
            if (AGENCY_PATTERNS.get(i).matcher(sentence).find()
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

    private static LocalDate isoDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "Nov 9", "November 9", "9 nov", "9 novembre", "9 de noviembre", with the year taken from the hint. */
    static LocalDate monthDay(String text, int year) {
        String cleaned = text.strip().replaceAll("\\.", "").replaceAll("\\s+de\\s+", " ").toLowerCase(Locale.ROOT);
        for (Locale locale : MONTH_LOCALES) {
            for (String pattern : List.of("MMM d", "MMMM d", "d MMM", "d MMMM")) {
                try {
                    DateTimeFormatter format = new DateTimeFormatterBuilder().parseCaseInsensitive().parseLenient()
                            .appendPattern(pattern).toFormatter(locale);
                    return MonthDay.parse(cleaned, format).atYear(year);
                } catch (DateTimeParseException ignored) {
                    // try the next form
                }
            }
        }
        return null;
    }
}
