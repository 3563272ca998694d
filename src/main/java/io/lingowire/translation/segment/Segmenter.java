package io.lingowire.translation.segment;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.List;

/**
 * Sentence segmentation with ICU's locale-aware rules. The Arabic question mark (؟) and the Urdu full stop (۔)
 * are sentence terminals in Unicode, so Arabic-script text splits where a reader expects.
 */
public final class Segmenter {

    /** A sentence and the whitespace that followed it in the source, so that reassembly is exact. */
    public record Sentence(String text, String trailing) {
    }

    public List<Sentence> sentences(String text, String language) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(new ULocale(language == null ? "und" : language));
        iterator.setText(text);
        List<Sentence> out = new ArrayList<>();
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            String piece = text.substring(start, end);
            String stripped = piece.stripTrailing();
            if (stripped.isBlank()) {
                if (!out.isEmpty()) {
                    Sentence last = out.remove(out.size() - 1);
                    out.add(new Sentence(last.text(), last.trailing() + piece));
                }
                continue;
            }
            out.add(new Sentence(stripped, piece.substring(stripped.length())));
        }
        return out;
    }

    public static String join(List<String> sentences, List<Sentence> source) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sentences.size(); i++) {
            out.append(sentences.get(i)).append(i < source.size() ? source.get(i).trailing() : " ");
        }
        return out.toString().strip();
    }
}
