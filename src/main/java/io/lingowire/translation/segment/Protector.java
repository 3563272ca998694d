package io.lingowire.translation.segment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Replaces the spans that must come out of translation unchanged (URLs, e-mail addresses, numbers, do-not-translate
 * terms) or as the glossary forces them with numbered placeholders, and puts them (or their forced translations)
 * back afterwards, reporting any placeholder the engine lost or
 * duplicated. Placeholders are empty XML elements, {@code <ph id="1"/>}, which every engine in HTML or XML mode
 * passes through as markup.
 */
public final class Protector {

    /** Bump when the placeholder scheme changes: it is part of the translation-memory key. */
    public static final int SCHEME = 1;

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)]");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    /**
     * Numbers, and any token with a digit in it (codes, ids, "A320", "COVID-19"): engines mangle their letters. A match
     * only starts where a word starts (the look-behind), which changes no match, as one starting inside a word would
     * have started at its beginning, but spares trying every letter of every word.
     */
    private static final Pattern NUMBER = Pattern.compile(
            "[$€£¥]?(?<![\\p{L}\\p{N}])[\\p{L}\\p{N}]*\\d[\\p{L}\\p{N}]*(?:[.,:/-][\\p{L}\\p{N}]+)*%?");
    /** HTML-mode engines may answer {@code <ph id="1"></ph>}: the closing tag belongs to the placeholder. */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "<\\s*ph\\s+id\\s*=\\s*[\"']?(\\d+)[\"']?\\s*/?\\s*>(?:<\\s*/\\s*ph\\s*>)?");

    private static final Pattern SPACES = Pattern.compile("\\s{2,}");

    /** A sentence with its protected spans taken out. */
    public record Protected(String text, List<String> spans) {
    }

    /** The engine's output with spans restored; {@code problems} lists placeholders lost or repeated. */
    public record Restored(String text, List<String> problems) {
    }

    /**
     * @param glossary terms to protect: a term mapped to null stays as it is (do not translate), a term mapped to a
     *                 translation comes back as that translation (forced)
     */
    public Protected protect(String sentence, Map<String, String> glossary) {
        List<int[]> ranges = new ArrayList<>();
        Map<Integer, String> forced = new java.util.HashMap<>();
        // each pattern only where what it cannot match without is there: most sentences have no URL or address
        if (sentence.contains("http")) {
            find(URL, sentence, ranges);
        }
        if (sentence.indexOf('@') >= 0) {
            find(EMAIL, sentence, ranges);
        }
        if (sentence.chars().anyMatch(c -> c >= '0' && c <= '9')) {
            find(NUMBER, sentence, ranges);
        }
        if (!glossary.isEmpty()) {
            Matcher m = terms(glossary.keySet()).matcher(sentence);
            while (m.find()) {
                ranges.add(new int[]{m.start(), m.end()});
                if (glossary.get(m.group()) != null) {
                    forced.put(m.start(), glossary.get(m.group()));
                }
            }
        }
        ranges.sort(Comparator.<int[]>comparingInt(r -> r[0]).thenComparingInt(r -> -r[1]));
        StringBuilder out = new StringBuilder();
        List<String> spans = new ArrayList<>();
        int at = 0;
        for (int[] range : ranges) {
            if (range[0] < at) {
                continue;
            }
            out.append(escape(sentence.substring(at, range[0])));
            spans.add(forced.getOrDefault(range[0], sentence.substring(range[0], range[1])));
            out.append("<ph id=\"").append(spans.size()).append("\"/>");
            at = range[1];
        }
        out.append(escape(sentence.substring(at)));
        return new Protected(out.toString(), spans);
    }

    private static void find(Pattern pattern, String sentence, List<int[]> ranges) {
        Matcher m = pattern.matcher(sentence);
        while (m.find()) {
            ranges.add(new int[]{m.start(), m.end()});
        }
    }

    /** The pattern of the glossary last used: every sentence of an article is protected with the same glossary. */
    private volatile Terms lastTerms;

    private record Terms(Set<String> terms, Pattern pattern) {
    }

    private Pattern terms(Set<String> terms) {
        Terms last = lastTerms;
        if (last == null || !last.terms().equals(terms)) {
            last = new Terms(Set.copyOf(terms), anyTerm(terms));
            lastTerms = last;
        }
        return last.pattern();
    }

    /** A glossary term as a whole word or phrase: not part of a longer word or number. */
    public static Pattern term(String term) {
        return anyTerm(List.of(term));
    }

    /** Any of the terms as a whole word or phrase; where terms overlap, the longer one matches. */
    public static Pattern anyTerm(Collection<String> terms) {
        String alternatives = terms.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])");
    }

    public Restored restore(String translated, List<String> spans) {
        List<String> problems = new ArrayList<>();
        int[] seen = new int[spans.size() + 1];
        Matcher m = PLACEHOLDER.matcher(translated);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int id = Integer.parseInt(m.group(1));
            String replacement = "";
            if (id >= 1 && id <= spans.size()) {
                seen[id]++;
                replacement = spans.get(id - 1);
            } else {
                problems.add("unknown placeholder " + id);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        for (int id = 1; id <= spans.size(); id++) {
            if (seen[id] == 0) {
                problems.add("lost \"" + spans.get(id - 1) + "\"");
            } else if (seen[id] > 1) {
                problems.add("repeated \"" + spans.get(id - 1) + "\"");
            }
        }
        return new Restored(SPACES.matcher(unescape(out.toString())).replaceAll(" ").strip(), problems);
    }

    /**
     * The protected form of a human translation of a sentence whose spans are known: each span, found in the
     * translation, becomes its placeholder, so the pair can stand in the translation memory beside machine output.
     * Null when a span is missing from the translation (the editor changed a number or a protected term).
     */
    public String protectAs(String translation, List<String> spans) {
        List<int[]> claimed = new ArrayList<>();
        for (int id = 1; id <= spans.size(); id++) {
            String span = spans.get(id - 1);
            int from = 0;
            int found = -1;
            while ((found = translation.indexOf(span, from)) >= 0) {
                int start = found;
                if (claimed.stream().noneMatch(r -> start < r[1] && start + span.length() > r[0])) {
                    break;
                }
                from = found + 1;
            }
            if (found < 0) {
                return null;
            }
            claimed.add(new int[]{found, found + span.length(), id});
        }
        claimed.sort(Comparator.comparingInt(r -> r[0]));
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int[] r : claimed) {
            out.append(escape(translation.substring(at, r[0]))).append("<ph id=\"").append(r[2]).append("\"/>");
            at = r[1];
        }
        return out.append(escape(translation.substring(at))).toString();
    }

    /** XML-escapes text as segments carry it. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&apos;", "'").replace("&amp;", "&");
    }
}
