package io.lingowire.ingest.analyze;

import io.lingowire.locale.LanguageTags;
import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.lingowire.ingest.IngestConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.CountDownLatch;

/**
 * Language identification restricted to the configured languages. Latin, Cyrillic and other scripts go to Lingua;
 * text in Arabic script is decided by letter rules, because Pashto has no model in any JVM detector and Urdu and
 * Persian are told from Arabic most reliably by the letters only they use.
 */
/*
 * Built at start-up, and its models are loaded on a background thread right away: loading takes seconds of CPU,
 * which the first upload should not pay. The replica reports ready only once they are in memory.
 */
@Startup
@ApplicationScoped
public class LanguageDetector {

    private static final Logger LOG = Logger.getLogger(LanguageDetector.class);
    private static final Set<String> ARABIC_SCRIPT = Set.of("ar", "fa", "ur", "ps");
    /** Letters of the Pashto alphabet that neither Arabic, Persian nor Urdu use. */
    private static final String PASHTO = "\u067C\u0681\u0685\u0689\u0693\u0696\u069A\u06AB\u06BC\u06CD\u06D0";
    /** Letters of the Urdu alphabet that Arabic, Persian and Pashto do not use. */
    private static final String URDU = "\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06D2\u06D3";
    /** Persian letters absent from Arabic (also used by Urdu and Pashto, so they count only after those). */
    private static final String PERSIAN = "\u067E\u0686\u0698\u06AF\u06A9\u06CC";
    /** Arabic letters that Persian, Urdu and Pashto replace with their own forms. */
    private static final String ARABIC = "\u0629\u064A\u0643\u0649";
    /** Function words a text must have before they alone may decide its language (a few sentences' worth). */
    private static final int PROSE_FUNCTION_WORDS = 8;

    /** A language and how sure the detector is of it (0..1). */
    public record Detection(String language, double confidence) {
        public static final Detection UNKNOWN = new Detection("und", 0.0);
    }

    private final Set<String> configured;
    private final com.github.pemistahl.lingua.api.LanguageDetector lingua;
    private final CountDownLatch loaded = new CountDownLatch(1);

    LanguageDetector(IngestConfig config) {
        this.configured = Set.copyOf(config.languages().stream().map(LanguageTags::primary).toList());
        List<Language> languages = new ArrayList<>();
        for (String tag : configured) {
            if (ARABIC_SCRIPT.contains(tag)) {
                continue;
            }
            try {
                languages.add(Language.getByIsoCode639_1(IsoCode639_1.valueOf(tag.toUpperCase(Locale.ROOT))));
            } catch (IllegalArgumentException e) {
                LOG.warnf("Language '%s' in lingowire.ingest.languages has no detection model; it is ignored", tag);
            }
        }
        LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromLanguages(languages.toArray(Language[]::new));
        this.lingua = languages.size() < 2 ? null
                : config.detectionModels() == IngestConfig.DetectionModels.compact
                ? builder.withLowAccuracyMode().build() : builder.build();
        Thread warmUp = new Thread(this::loadModels, "lingowire-language-models");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /**
     * Scoring texts against every candidate language makes Lingua load the models: short texts use the uni- to
     * five-gram models, long ones (120 characters and more) the trigram models; Latin and Cyrillic separately.
     */
    private void loadModels() {
        try {
            if (lingua != null) {
                lingua.computeLanguageConfidenceValues("loading the models now");
                lingua.computeLanguageConfidenceValues("загрузка моделей");
                lingua.computeLanguageConfidenceValues("The models of every configured language are loaded now, "
                        + "before the first article arrives, so that nobody waits for them on a real upload.");
            }
        } finally {
            loaded.countDown();
        }
    }

    /** Whether the detection models are in memory (the readiness check waits for this). */
    public boolean ready() {
        return loaded.getCount() == 0;
    }

    /**
     * The language of a paragraph inside an article already known to be in {@code expected}: when its function words
     * plainly say so, that is the answer, and the n-gram models are kept for paragraphs that look like something else.
     */
    public Detection detectWithin(String text, String expected) {
        String primary = LanguageTags.primary(expected);
        if (FunctionWords.knows(primary)) {
            double share = FunctionWords.share(text, primary, configured);
            if (share >= 0.75) {
                return new Detection(primary, round(share));
            }
        }
        return detect(text);
    }

    public Detection detect(String text) {
        if (text == null || text.isBlank()) {
            return Detection.UNKNOWN;
        }
        // Confidence saturates long before this (a few sentences); the models' cost grows with every character.
        String sample = text;
        if (text.length() > 500) {
            int cut = text.lastIndexOf(' ', 500);
            sample = text.substring(0, cut > 250 ? cut : 500);
        }
        int letters = 0;
        int arabicScript = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC) {
                    arabicScript++;
                }
            }
        }
        if (letters == 0) {
            return Detection.UNKNOWN;
        }
        if (arabicScript * 2 > letters) {
            return arabicScript(sample, arabicScript);
        }
        if (lingua == null) {
            return Detection.UNKNOWN;
        }
        // Running prose whose function words are plainly one language's needs no n-gram models, which cost far more
        // than reading the document did; ambiguous, short or unlisted-language text still goes to them.
        FunctionWords.Dominant dominant = FunctionWords.dominant(sample, configured, PROSE_FUNCTION_WORDS, 0.75);
        if (dominant != null) {
            return new Detection(dominant.language(), round(dominant.share()));
        }
        SortedMap<Language, Double> values = lingua.computeLanguageConfidenceValues(sample);
        for (Map.Entry<Language, Double> best : values.entrySet()) {
            if (best.getKey() != Language.UNKNOWN) {
                return new Detection(best.getKey().getIsoCode639_1().name().toLowerCase(Locale.ROOT),
                        round(best.getValue()));
            }
        }
        return Detection.UNKNOWN;
    }

    /** Scores each Arabic-script language by the density of the letters that only it uses. */
    private Detection arabicScript(String text, int letters) {
        int pashto = count(text, PASHTO);
        int urdu = count(text, URDU);
        int persian = count(text, PERSIAN);
        int arabic = count(text, ARABIC);
        String language;
        int evidence;
        int against;
        if (pashto > 0 && pashto >= urdu && allowed("ps")) {
            language = "ps";
            evidence = pashto;
            against = urdu;
        } else if (urdu > 0 && allowed("ur")) {
            language = "ur";
            evidence = urdu;
            against = pashto;
        } else if (persian > arabic && allowed("fa")) {
            language = "fa";
            evidence = persian - arabic;
            against = arabic;
        } else if (allowed("ar")) {
            language = "ar";
            evidence = Math.max(1, arabic - persian);
            against = persian;
        } else {
            return Detection.UNKNOWN;
        }
        // Distinctive letters make up a few percent of running text; 2% and no contrary evidence is certainty.
        double density = Math.min(1.0, evidence / (0.02 * letters));
        double purity = evidence / (double) (evidence + against);
        return new Detection(language, round(Math.max(0.3, Math.min(density, purity))));
    }

    private boolean allowed(String language) {
        return configured.contains(language);
    }

    private static int count(String text, String alphabet) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (alphabet.indexOf(text.charAt(i)) >= 0) {
                n++;
            }
        }
        return n;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
