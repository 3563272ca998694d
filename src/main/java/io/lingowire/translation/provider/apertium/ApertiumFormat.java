package io.lingowire.translation.provider.apertium;

import io.lingowire.translation.provider.LanguagePair;
import io.lingowire.translation.provider.ProviderException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the command line and the APy server share: Apertium's three-letter pair names, and a batch framed as HTML
 * paragraphs so that segment boundaries and placeholders pass through the pipeline as markup.
 */
public final class ApertiumFormat {

    private static final Pattern SEGMENT = Pattern.compile("<p data-lw=\"(\\d+)\">(.*?)</p>", Pattern.DOTALL);
    private static final Pattern MODE = Pattern.compile("^([a-z]{2,3})-([a-z]{2,3})$");
    private static final Map<String, String> ISO3_TO_1 = new HashMap<>();

    static {
        for (String iso1 : Locale.getISOLanguages()) {
            try {
                ISO3_TO_1.put(Locale.forLanguageTag(iso1).getISO3Language(), iso1);
            } catch (MissingResourceException ignored) {
                // a language without a three-letter code cannot name an Apertium pair
            }
        }
    }

    private ApertiumFormat() {
    }

    /** {@code eng-spa} → en>es; variants such as {@code eng-cat_valencia} are not plain pairs and give nothing. */
    public static Optional<LanguagePair> pair(String mode) {
        Matcher m = MODE.matcher(mode);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new LanguagePair(ISO3_TO_1.getOrDefault(m.group(1), m.group(1)),
                ISO3_TO_1.getOrDefault(m.group(2), m.group(2))));
    }

    public static String frame(List<String> segments) {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            input.append("<p data-lw=\"").append(i).append("\">").append(segments.get(i)).append("</p>\n");
        }
        return input.toString();
    }

    public static List<String> unframe(String output, int count) throws ProviderException {
        String[] out = new String[count];
        Matcher m = SEGMENT.matcher(output);
        while (m.find()) {
            int index = Integer.parseInt(m.group(1));
            if (index < count) {
                out[index] = m.group(2).strip();
            }
        }
        List<String> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (out[i] == null) {
                throw new ProviderException(ProviderException.Kind.TRANSIENT,
                        "Apertium output lost segment " + i + " of " + count);
            }
            result.add(out[i]);
        }
        return result;
    }
}
