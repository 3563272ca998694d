package io.lingowire.translation.quality;

import io.lingowire.locale.LanguageTags;
import io.lingowire.ingest.analyze.LanguageDetector;
import io.lingowire.translation.segment.Protector;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks on a finished machine translation, beside the placeholder check done while restoring: the output must be
 * in the target language, of a plausible length, and actually translated. Each failure is a flag; a flagged
 * translation waits for an editor.
 */
@ApplicationScoped
public class QualityChecks {

    static final double MIN_RATIO = 0.5;
    static final double MAX_RATIO = 2.2;
    static final double MAX_UNTRANSLATED = 0.5;
    /** A whole token with a digit in it: tried at token starts only, and each token read once for its digit. */
    private static final Pattern CODE = Pattern.compile("(?<!\\S)(?=\\S*\\d)\\S+");

    private final LanguageDetector languages;

    QualityChecks(LanguageDetector languages) {
        this.languages = languages;
    }

    /**
     * @param sources the source sentences, in order
     * @param outputs their translations, in the same order
     */
    public List<String> check(List<String> sources, List<String> outputs, String target) {
        List<String> flags = new ArrayList<>();
        String source = String.join(" ", sources);
        String output = String.join(" ", outputs);
        // codes and ids (anything with a digit: "bd80d1f8-6191", "A320") are no language: their letters only mislead
        String prose = CODE.matcher(output).replaceAll(" ");
        long letters = prose.codePoints().filter(Character::isLetter).count();
        if (letters >= 60) {
            LanguageDetector.Detection detected = languages.detect(prose);
            String expected = LanguageTags.primary(target);
            if (!detected.language().equals("und") && !detected.language().equals(expected)
                    && detected.confidence() >= 0.5) {
                flags.add("output language detected as " + detected.language() + ", expected " + expected);
            }
        }
        if (source.length() >= 100) {
            double ratio = (double) output.length() / source.length();
            if (ratio < MIN_RATIO || ratio > MAX_RATIO) {
                flags.add(String.format(Locale.ROOT, "length ratio %.2f outside %.1f–%.1f", ratio, MIN_RATIO, MAX_RATIO));
            }
        }
        int comparable = 0;
        int unchanged = 0;
        for (int i = 0; i < sources.size(); i++) {
            String s = sources.get(i).strip();
            if (s.codePoints().filter(Character::isLetter).count() < 12) {
                continue;
            }
            comparable++;
            if (s.equalsIgnoreCase(outputs.get(i).strip())) {
                unchanged++;
            }
        }
        if (comparable > 0 && (double) unchanged / comparable > MAX_UNTRANSLATED) {
            flags.add(unchanged + " of " + comparable + " sentences came back untranslated");
        }
        return flags;
    }

    /**
     * For an engine that took the glossary natively: every glossary term in a source sentence must come back as its
     * forced translation (or, not to be translated, as itself). Terms sent as placeholders are checked on restore.
     *
     * @param entries each term with the text it must become
     */
    public List<String> glossary(List<String> sources, List<String> outputs, Map<String, String> entries) {
        List<String> flags = new ArrayList<>();
        Map<String, Pattern> patterns = new HashMap<>();
        entries.keySet().forEach(term -> patterns.put(term, Protector.term(term)));
        for (int i = 0; i < sources.size(); i++) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                if (patterns.get(entry.getKey()).matcher(sources.get(i)).find()
                        && !outputs.get(i).contains(entry.getValue())) {
                    flags.add("glossary term \"" + entry.getKey() + "\" not rendered as \"" + entry.getValue()
                            + "\" in: " + sources.get(i));
                }
            }
        }
        return flags;
    }
}
