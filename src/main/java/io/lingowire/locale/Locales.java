package io.lingowire.locale;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The locales in {@code locales/} (packaged on the classpath). A tag finds its exact locale, else its primary
 * language, else English; the files are checked at start-up so that a broken one stops the service, not a feed.
 */
@Startup
@ApplicationScoped
public class Locales {

    /** The locales shipped; add a file to {@code locales/} and its tag here. */
    static final List<String> SHIPPED = List.of("en", "es", "ca", "fr", "ar", "fa", "ps", "ur");

    private final Map<String, LocaleText> byTag = new TreeMap<>();

    Locales() {
        for (String tag : SHIPPED) {
            byTag.put(tag, load(tag));
        }
    }

    private static LocaleText load(String tag) {
        String path = "locales/" + tag + ".properties";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the build");
            }
            Properties values = new Properties();
            values.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new LocaleText(tag, values);
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }

    public LocaleText of(String tag) {
        String canonical = LanguageTags.canonical(tag);
        LocaleText exact = byTag.get(canonical);
        if (exact != null) {
            return exact;
        }
        return byTag.getOrDefault(LanguageTags.primary(canonical), byTag.get("en"));
    }

    /** Whether a language is written right to left; known for every language, shipped locale or not. */
    public static boolean rtl(String tag) {
        return List.of("ar", "fa", "ps", "ur", "he", "yi", "dv", "ckb", "sd", "ug").contains(LanguageTags.primary(tag));
    }

    public List<LocaleText> all() {
        return List.copyOf(byTag.values());
    }
}
