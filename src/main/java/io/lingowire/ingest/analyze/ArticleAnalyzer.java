package io.lingowire.ingest.analyze;

import io.lingowire.article.ArticleDraft;
import io.lingowire.article.Block;
import io.lingowire.article.PubStatus;
import io.lingowire.article.SourceRef;
import io.lingowire.common.Hashing;
import io.lingowire.ingest.IngestConfig;
import io.lingowire.ingest.IngestRequest;
import io.lingowire.ingest.read.ExtractedItem;
import io.lingowire.locale.LanguageTags;
import io.lingowire.locale.LocaleText;
import io.lingowire.locale.Locales;
import jakarta.enterprise.context.ApplicationScoped;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an extracted item the way a wire editor would: finds the headline, byline, dateline and attribution
 * chain, drops page furniture, identifies the language of the article and of each block, and fingerprints the
 * content so that the same story is recognised whatever format it came in.
 */
@ApplicationScoped
public class ArticleAnalyzer {

    private static final Pattern BYLINE = Pattern.compile(
            "^(?:By|BY|Por|POR|Par|PAR|Per|Von|Di|Door|بقلم|بقلم:)\\s*:?\\s+(.{2,80})$");
    private static final Pattern TERMINAL = Pattern.compile("[.!?؟۔:;…]\\s*[\"”’»]?$");
    private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.{20,200}?[.!?؟۔])(\\s|$)");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final int BLOCK_DETECTION_MIN_LETTERS = 40;

    /** How many opening blocks may hold the dateline: after a kicker, a byline, a date header. */
    private static final int DATELINE_BLOCKS = 4;

    private final LanguageDetector languages;
    private final AttributionParser attribution;

    ArticleAnalyzer(LanguageDetector languages, Locales locales, IngestConfig config) {
        this.languages = languages;
        // the reading rules' words are data: every shipped locale's lead words and agencies, the months of every
        // language the gateway reads
        Set<String> leadWords = new LinkedHashSet<>();
        Set<String> agencies = new LinkedHashSet<>();
        for (LocaleText locale : locales.all()) {
            leadWords.addAll(locale.datelineLeadWords());
            agencies.addAll(locale.agencies());
        }
        Set<Locale> months = new LinkedHashSet<>();
        months.add(Locale.ENGLISH);
        config.languages().forEach(tag -> months.add(Locale.forLanguageTag(LanguageTags.primary(tag))));
        locales.all().forEach(l -> months.add(Locale.forLanguageTag(l.tag())));
        this.attribution = new AttributionParser(leadWords, List.copyOf(agencies), List.copyOf(months));
    }

    public ArticleDraft analyze(ExtractedItem item, IngestRequest request) {
        List<Block> blocks = new ArrayList<>(Boilerplate.strip(item.blocks));
        String title = clean(item.title);
        if (title == null && !blocks.isEmpty() && blocks.get(0).type().equals(Block.HEADING)) {
            title = blocks.remove(0).text();
        } else if (title == null && blocks.size() > 1 && looksLikeHeadline(blocks.get(0))) {
            title = blocks.remove(0).text();
        }
        String byline = clean(stripByPrefix(item.byline));
        // Documents repeat the headline and the author above the story (a title page, a Title style and a Heading,
        // a PDF line that runs the headline into the byline): peel off whatever of them leads the body.
        LocalDate headerDate = null;
        LocalDate header;
        // what of the headline the opening blocks have not repeated yet (a PDF breaks a long headline over lines)
        String titleLeft = title;
        for (int guard = 0; guard < 12 && !blocks.isEmpty(); guard++) {
            String text = blocks.get(0).text();
            Matcher by = BYLINE.matcher(text);
            String rest;
            if (title != null && sameText(text, title) || byline != null && sameText(text, byline)
                    || titleLeft != null && !titleLeft.equals(title) && sameText(text, titleLeft)) {
                blocks.remove(0);
                titleLeft = null;
            } else if (text.length() < 100 && by.matches()) {
                String named = by.group(1).strip();
                // "By Farida Noori, Mazar-i-Sharif" says more than the author "Farida Noori" of a title block
                byline = byline == null || named.startsWith(byline) ? named : byline;
                blocks.remove(0);
            } else if (titleLeft != null && text.length() < titleLeft.length()
                    && (rest = afterPrefix(titleLeft, text)) != null && !rest.isBlank()) {
                titleLeft = rest.strip(); // the headline's first line; the next block may hold the rest
                blocks.remove(0);
            } else if (titleLeft != null && (rest = afterPrefix(text, titleLeft)) != null && rest.length() < 100) {
                blocks.set(0, blocks.get(0).withText(rest)); // the headline ran into the byline or the date
                titleLeft = null;
            } else if (byline != null && (rest = afterPrefix(text, byline)) != null
                    && (header = attribution.dateLine(rest, yearHint(item, null))) != null) {
                headerDate = headerDate == null ? header : headerDate; // the author and the date on one line
                blocks.remove(0);
            } else if ((header = attribution.dateLine(text, yearHint(item, null))) != null) {
                headerDate = headerDate == null ? header : headerDate; // a title block's date line
                blocks.remove(0);
            } else {
                break;
            }
        }
        int year = yearHint(item, headerDate);

        List<SourceRef> chain = new ArrayList<>(item.chain);
        String datelineText = item.datelineText;
        String place = item.datelinePlace;
        LocalDate date = item.datelineDate;
        Opening opening = datelineBlock(blocks, year);
        if (opening != null) {
            int firstParagraph = opening.index();
            Optional<AttributionParser.Attribution> found = opening.attribution();
            if (found.isPresent()) {
                AttributionParser.Attribution a = found.get();
                for (SourceRef ref : a.chain()) {
                    if (chain.stream().noneMatch(s -> s.name().equalsIgnoreCase(ref.name()))) {
                        chain.add(ref);
                    }
                }
                if (a.datelineText() != null) {
                    datelineText = datelineText == null ? a.datelineText() : datelineText;
                    place = place == null ? a.place() : place;
                    date = date == null ? a.date() : date;
                    String rest = a.remainingText().strip();
                    if (rest.isEmpty()) {
                        blocks.remove(firstParagraph);
                    } else {
                        blocks.set(firstParagraph, blocks.get(firstParagraph).withText(rest));
                    }
                    // a kicker or slug above the dateline ("SHIPPING") is not part of the story
                    for (int k = firstParagraph - 1; k >= 0; k--) {
                        String kicker = blocks.get(k).text().strip();
                        if (kicker.length() <= 40 && !TERMINAL.matcher(kicker).find()
                                && kicker.split("\\s+").length <= 5) {
                            blocks.remove(k);
                        }
                    }
                }
            }
        }
        if (title == null) {
            title = headlineFromText(blocks);
        }

        String body = text(title, blocks);
        LanguageDetector.Detection detected = languages.detect(body);
        String declared = firstDeclared(request.language(), item.language);
        String language = declared != null ? declared : detected.language();
        boolean agrees = declared == null
                || LanguageTags.primary(declared).equals(LanguageTags.primary(detected.language()));
        Double confidence = agrees ? detected.confidence() : null;
        List<Block> withLanguages = blockLanguages(blocks, language, confidence);

        String sourceName = firstNonBlank(request.source(), item.sourceName, role(chain, SourceRef.DISTRIBUTOR),
                role(chain, SourceRef.ORIGINATOR));
        LocalDate day = date != null ? date : headerDate;
        var publishedAt = item.publishedAt != null ? item.publishedAt
                : day != null ? day.atStartOfDay(ZoneOffset.UTC).toInstant() : null;
        return new ArticleDraft(
                clean(item.guid),
                title == null ? "(untitled)" : truncate(title, 1000),
                byline == null ? null : truncate(byline, 500),
                place == null ? null : truncate(place, 200),
                date,
                datelineText == null ? null : truncate(datelineText, 300),
                sourceName == null ? null : truncate(sourceName, 200),
                List.copyOf(chain),
                language,
                confidence,
                detected.language(),
                declared,
                publishedAt,
                request.embargoUntil() != null ? request.embargoUntil() : item.embargoUntil,
                item.pubStatus != null ? item.pubStatus : PubStatus.usable,
                List.copyOf(item.keywords),
                withLanguages,
                contentHash(title, byline, datelineText, blocks),
                request.products() == null ? List.of() : List.copyOf(request.products()));
    }

    private List<Block> blockLanguages(List<Block> blocks, String language, Double confidence) {
        List<Block> out = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            long letters = block.text().codePoints().filter(Character::isLetter).count();
            if (letters >= BLOCK_DETECTION_MIN_LETTERS) {
                LanguageDetector.Detection d = languages.detectWithin(block.text(), language);
                boolean same = LanguageTags.primary(d.language()).equals(LanguageTags.primary(language));
                out.add(block.withLanguage(same ? language : d.language(), d.confidence()));
            } else {
                out.add(block.withLanguage(language, confidence));
            }
        }
        return out;
    }

    /**
     * The fingerprint of what a reader reads: letters and digits of headline, byline, dateline and body, case- and
     * compatibility-folded. Formatting, punctuation style and whitespace do not change it, so the same story as
     * TXT, DOCX or PDF has one fingerprint.
     */
    static String contentHash(String title, String byline, String dateline, List<Block> blocks) {
        StringBuilder all = new StringBuilder();
        for (String part : new String[]{title, byline, dateline}) {
            all.append(part == null ? "" : part).append('\n');
        }
        for (Block block : blocks) {
            all.append(block.text()).append('\n');
        }
        String folded = Normalizer.normalize(all, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return Hashing.sha256Hex(NOT_WORD.matcher(folded).replaceAll(" ").strip());
    }

    private static String text(String title, List<Block> blocks) {
        StringBuilder text = new StringBuilder(title == null ? "" : title);
        for (Block block : blocks) {
            text.append('\n').append(block.text());
        }
        return text.toString();
    }

    private static boolean looksLikeHeadline(Block block) {
        String text = block.text();
        return text.length() <= 200 && !TERMINAL.matcher(text).find() && !BYLINE.matcher(text).matches();
    }

    /** No headline anywhere: the first sentence stands in, as wire systems do for slug-less copy. */
    private static String headlineFromText(List<Block> blocks) {
        for (Block block : blocks) {
            if (block.type().equals(Block.PARAGRAPH)) {
                Matcher sentence = FIRST_SENTENCE.matcher(block.text());
                String candidate = sentence.find() ? sentence.group(1) : block.text();
                return truncate(candidate, 160);
            }
        }
        return null;
    }

    private static int firstParagraphIndex(List<Block> blocks) {
        for (int i = 0; i < Math.min(blocks.size(), 3); i++) {
            if (blocks.get(i).type().equals(Block.PARAGRAPH) || blocks.get(i).type().equals(Block.QUOTE)) {
                return i;
            }
        }
        return -1;
    }

    /** The paragraph the opening is read from, and what was read there. */
    private record Opening(int index, Optional<AttributionParser.Attribution> attribution) {
    }

    /**
     * The block a wire editor reads the dateline from: the first of the opening paragraphs (after a kicker, a byline
     * or a date header) that opens with a dateline or syndication line; else the first paragraph, for a cited agency;
     * null when there is no paragraph.
     */
    private Opening datelineBlock(List<Block> blocks, int yearHint) {
        int seen = 0;
        for (int i = 0; i < blocks.size() && seen < DATELINE_BLOCKS; i++) {
            Block block = blocks.get(i);
            if (!block.type().equals(Block.PARAGRAPH) && !block.type().equals(Block.QUOTE)) {
                continue;
            }
            seen++;
            Optional<AttributionParser.Attribution> read = attribution.parse(block.text(), yearHint);
            if (read.map(a -> a.datelineText() != null).orElse(false)) {
                return new Opening(i, read);
            }
        }
        int first = firstParagraphIndex(blocks);
        return first < 0 ? null : new Opening(first, attribution.parse(blocks.get(first).text(), yearHint));
    }

    /** The year a dateline without one is in: the item's publication, else its date header's, else this year. */
    private static int yearHint(ExtractedItem item, LocalDate headerDate) {
        return item.publishedAt != null ? item.publishedAt.atZone(ZoneOffset.UTC).getYear()
                : headerDate != null ? headerDate.getYear() : LocalDate.now(ZoneOffset.UTC).getYear();
    }

    /** What follows {@code prefix} at the start of {@code text}, compared letters and digits only; null if no such start. */
    static String afterPrefix(String text, String prefix) {
        String wanted = NOT_WORD.matcher(prefix.toLowerCase(Locale.ROOT)).replaceAll("");
        int matched = 0;
        int i = 0;
        while (i < text.length() && matched < wanted.length()) {
            int cp = text.codePointAt(i);
            String folded = new String(Character.toChars(cp)).toLowerCase(Locale.ROOT);
            if (Character.isLetterOrDigit(cp)) {
                if (!wanted.startsWith(folded, matched)) {
                    return null;
                }
                matched += folded.length();
            }
            i += Character.charCount(cp);
        }
        if (matched < wanted.length()) {
            return null;
        }
        String rest = text.substring(i).replaceAll("^[\\s\\p{Punct}]+", "").strip();
        return rest.isEmpty() ? null : rest;
    }

    private static boolean sameText(String a, String b) {
        return NOT_WORD.matcher(a.toLowerCase(Locale.ROOT)).replaceAll("")
                .equals(NOT_WORD.matcher(b.toLowerCase(Locale.ROOT)).replaceAll(""));
    }

    private static String stripByPrefix(String byline) {
        if (byline == null) {
            return null;
        }
        Matcher m = BYLINE.matcher(byline.strip());
        return m.matches() ? m.group(1) : byline;
    }

    private static String firstDeclared(String... tags) {
        for (String tag : tags) {
            if (tag != null && !tag.isBlank() && !LanguageTags.canonical(tag).equals("und")) {
                return LanguageTags.canonical(tag);
            }
        }
        return null;
    }

    private static String role(List<SourceRef> chain, String role) {
        return chain.stream().filter(s -> s.role().equals(role)).map(SourceRef::name).findFirst().orElse(null);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip().replaceAll("\\s+", " ");
    }

    private static String truncate(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int cut = value.lastIndexOf(' ', max - 1);
        return value.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }
}
