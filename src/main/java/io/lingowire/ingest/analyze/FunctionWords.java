package io.lingowire.ingest.analyze;

import java.util.HashMap;
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
        Map<String, Integer> hits = new HashMap<>();
        int total = 0;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
            if (word.isEmpty()) {
                continue;
            }
            boolean counted = false;
            for (String candidate : candidates) {
                Set<String> words = WORDS.get(candidate);
                if (words != null && words.contains(word)) {
                    hits.merge(candidate, 1, Integer::sum);
                    counted = true;
                }
            }
            if (counted) {
                total++;
            }
        }
        if (total < 4) {
            return -1;
        }
        int own = hits.getOrDefault(language, 0);
        int best = hits.entrySet().stream().filter(e -> !e.getKey().equals(language)).mapToInt(Map.Entry::getValue)
                .max().orElse(0);
        return own <= best ? 0 : (double) own / total;
    }
}
