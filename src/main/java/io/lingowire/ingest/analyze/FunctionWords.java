package io.lingowire.ingest.analyze;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The commonest function words of the Latin-script languages the detector knows. Counting them is a fast first
 * opinion on a paragraph's language: when a paragraph is plainly in the article's language, the n-gram models need
 * not be consulted at all, and ingest stays close to the speed of bare text extraction.
 */
final class FunctionWords {

    private static final Map<String, Set<String>> WORDS = Map.of(
            "en", Set.of("the", "of", "and", "to", "in", "is", "that", "for", "it", "was", "on", "with", "as", "by",
                    "at", "from", "has", "have", "had", "be", "are", "were", "this", "which", "its", "an", "their",
                    "said", "not", "but", "or", "after", "would", "will", "been", "who", "they", "also"),
            "es", Set.of("el", "la", "de", "que", "y", "en", "los", "las", "del", "se", "por", "con", "para", "una",
                    "un", "es", "al", "su", "sus", "como", "más", "pero", "fue", "ha", "han", "este", "esta", "sobre",
                    "entre", "también", "según", "dijo", "hasta", "desde", "lo", "le", "sin"),
            "fr", Set.of("le", "la", "les", "de", "des", "du", "et", "en", "un", "une", "est", "que", "qui", "dans",
                    "pour", "pas", "sur", "au", "aux", "avec", "par", "il", "elle", "ont", "été", "ce", "cette", "son",
                    "sa", "ses", "plus", "selon", "mais", "a", "après", "leur", "ne"),
            "ca", Set.of("el", "la", "els", "les", "de", "del", "i", "que", "en", "un", "una", "per", "amb", "als",
                    "al", "va", "van", "ha", "han", "és", "seu", "seva", "més", "però", "segons", "aquest", "aquesta",
                    "també", "com", "sobre", "entre", "fins", "des", "pel", "dels", "ser"),
            "de", Set.of("der", "die", "das", "und", "in", "den", "von", "zu", "mit", "sich", "des", "auf", "für",
                    "ist", "im", "dem", "nicht", "ein", "eine", "als", "auch", "es", "an", "werden", "aus", "er", "hat",
                    "dass", "sie", "nach", "wird", "bei", "einer", "um", "am", "sind", "noch", "wie"),
            "it", Set.of("il", "di", "che", "e", "la", "per", "un", "in", "non", "una", "del", "della", "le", "si",
                    "con", "sono", "da", "dei", "nel", "alla", "ha", "più", "anche", "come", "gli", "lo", "al", "ma",
                    "ai", "sul", "questo", "stato", "dopo", "secondo", "tra", "delle", "hanno"),
            "pt", Set.of("o", "a", "de", "que", "e", "do", "da", "em", "um", "para", "com", "não", "uma", "os", "no",
                    "se", "na", "por", "mais", "as", "dos", "como", "mas", "ao", "ele", "das", "à", "seu", "sua", "ou",
                    "foi", "pelo", "pela", "segundo", "até", "também", "isso", "já"),
            "nl", Set.of("de", "het", "een", "en", "van", "in", "is", "op", "dat", "te", "zijn", "voor", "met", "die",
                    "niet", "aan", "er", "om", "ook", "als", "bij", "maar", "door", "naar", "over", "nog", "werd", "wordt",
                    "heeft", "hij", "ze", "uit", "tot", "dan", "hebben", "deze", "worden"));

    /** Each function word and the languages it belongs to, so that a text is counted in one pass. */
    private static final Map<String, List<String>> LANGUAGES_OF = new HashMap<>();

    static {
        WORDS.forEach((language, words) -> words.forEach(word ->
                LANGUAGES_OF.computeIfAbsent(word, w -> new ArrayList<>()).add(language)));
    }

    private FunctionWords() {
    }

    static boolean knows(String language) {
        return WORDS.containsKey(language);
    }

    /**
     * The share of the recognised function words that belong to {@code language}, or -1 when the text has too few
     * function words of any language to judge.
     */
    static double share(String text, String language, Set<String> candidates) {
        Count count = count(text, candidates);
        return count.total < 4 ? -1 : count.share(language);
    }

    /**
     * The language whose function words plainly dominate a text long enough to judge (at least {@code minimum} of
     * them, and a quarter of all words, as in running prose), with its share as confidence; null when they do not.
     */
    static Dominant dominant(String text, Set<String> candidates, int minimum, double minShare) {
        Count count = count(text, candidates);
        if (count.total < minimum || count.total * 4 < count.words) {
            return null;
        }
        String best = null;
        for (Map.Entry<String, Integer> e : count.hits.entrySet()) {
            if (best == null || e.getValue() > count.hits.get(best)) {
                best = e.getKey();
            }
        }
        double share = count.share(best);
        return share >= minShare ? new Dominant(best, share) : null;
    }

    record Dominant(String language, double share) {
    }

    /** Function words per candidate language, words that are a function word of any candidate, and all words. */
    private record Count(Map<String, Integer> hits, int total, int words) {

        double share(String language) {
            int own = hits.getOrDefault(language, 0);
            int best = 0;
            for (Map.Entry<String, Integer> e : hits.entrySet()) {
                if (!e.getKey().equals(language)) {
                    best = Math.max(best, e.getValue());
                }
            }
            return own <= best ? 0 : (double) own / total;
        }
    }

    /** Words are runs of letters and apostrophes, compared in lower case. */
    private static Count count(String text, Set<String> candidates) {
        Map<String, Integer> hits = new HashMap<>();
        int total = 0;
        int words = 0;
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); ) {
            int cp = i < lower.length() ? lower.codePointAt(i) : ' ';
            if (Character.isLetter(cp) || cp == '\'') {
                if (start < 0) {
                    start = i;
                }
                i += Character.charCount(cp);
                continue;
            }
            int end = i;
            i += Character.charCount(cp);
            if (start < 0) {
                continue;
            }
            words++;
            List<String> languages = LANGUAGES_OF.get(lower.substring(start, end));
            start = -1;
            if (languages == null) {
                continue;
            }
            boolean counted = false;
            for (String language : languages) {
                if (candidates.contains(language)) {
                    hits.merge(language, 1, Integer::sum);
                    counted = true;
                }
            }
            if (counted) {
                total++;
            }
        }
        return new Count(hits, total, words);
    }
}
