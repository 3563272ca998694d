package io.lingowire.translation.provider;

import java.util.Map;

/**
 * A pair's glossary in the form an engine with native glossaries takes it (DeepL glossaries, Azure's dynamic
 * dictionary, Amazon custom terminology): each source term with the text it must become, a do-not-translate term
 * mapped to itself. Engines without a native form get {@link #NONE}; their terms travel as placeholders.
 */
public record Terminology(int version, Map<String, String> entries) {

    public static final Terminology NONE = new Terminology(0, Map.of());

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The name of this version's stored form at an engine, e.g. {@code lingowire-en-es-v3}. */
    public String name(LanguagePair pair) {
        return prefix(pair) + version;
    }

    /**
     * Whether a stored glossary is one of ours for the pair and older than the version before this one: it can go.
     * The previous version stays, as a job on another replica may still be using it.
     */
    public boolean outdates(String storedName, LanguagePair pair) {
        String prefix = prefix(pair);
        if (storedName == null || !storedName.startsWith(prefix)) {
            return false;
        }
        try {
            return Integer.parseInt(storedName.substring(prefix.length())) < version - 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String prefix(LanguagePair pair) {
        return "lingowire-" + pair.source() + "-" + pair.target() + "-v";
    }
}
