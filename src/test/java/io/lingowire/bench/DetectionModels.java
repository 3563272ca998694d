package io.lingowire.bench;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Lingua's high-accuracy models (uni- to five-grams) buy over its low-accuracy mode (trigrams only) for the
 * gateway's languages: heap they keep, time to load them, and accuracy on texts of each length. Texts are windows of
 * 1 to 12 words cut from the Latin-script language fixtures (Arabic-script languages are decided by letter rules,
 * not by Lingua). Run by {@code src/test/bench/detection-bench.sh}.
 */
public final class DetectionModels {

    private static final List<String> LANGUAGES = List.of("en", "es", "fr", "ca", "de", "it", "pt", "nl", "ru", "tr");
    private static final List<String> LABELLED = List.of("en", "es", "fr", "ca");

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path fixtures = Path.of(args.length > 1 ? args[1] : "src/test/resources/fixtures/languages");
        Language[] languages = LANGUAGES.stream().map(t -> Language.getByIsoCode639_1(
                IsoCode639_1.valueOf(t.toUpperCase(Locale.ROOT)))).toArray(Language[]::new);
        long before = heapAfterGc();
        long t0 = System.nanoTime();
        LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromLanguages(languages);
        LanguageDetector detector = (mode.equals("low") ? builder.withLowAccuracyMode() : builder)
                .withPreloadedLanguageModels().build();
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        long retained = heapAfterGc() - before;

        Map<Integer, int[]> byWords = new TreeMap<>();
        for (String tag : LABELLED) {
            String text = Files.readString(fixtures.resolve(tag + ".txt"));
            String[] words = text.replaceAll("\\(MENAFN[^)]*\\)|date \\d{4}-\\d{2}-\\d{2}", " ").split("\\s+");
            for (int n = 1; n <= 12; n++) {
                for (int i = 0; i + n <= words.length; i += n) {
                    String window = String.join(" ", java.util.Arrays.copyOfRange(words, i, i + n));
                    if (window.codePoints().filter(Character::isLetter).count() < 3) {
                        continue;
                    }
                    Language got = detector.detectLanguageOf(window);
                    int[] counts = byWords.computeIfAbsent(n, k -> new int[2]);
                    counts[1]++;
                    if (got != Language.UNKNOWN && got.getIsoCode639_1().toString().equalsIgnoreCase(tag)) {
                        counts[0]++;
                    }
                }
            }
        }
        System.out.printf("mode %s: models keep %d MB of heap, loaded in %d ms%n", mode, retained >> 20, loadMs);
        List<String> row = new ArrayList<>();
        int right = 0;
        int all = 0;
        for (Map.Entry<Integer, int[]> e : byWords.entrySet()) {
            row.add(String.format("%d words %.1f%% (%d)", e.getKey(), 100.0 * e.getValue()[0] / e.getValue()[1],
                    e.getValue()[1]));
            right += e.getValue()[0];
            all += e.getValue()[1];
        }
        System.out.printf("mode %s: accuracy %.1f%% of %d texts; by length: %s%n", mode, 100.0 * right / all, all,
                String.join(", ", row));
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
