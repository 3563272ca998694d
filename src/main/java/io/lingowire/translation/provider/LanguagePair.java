package io.lingowire.translation.provider;

/** A translation direction between two BCP47 primary language tags. */
public record LanguagePair(String source, String target) {

    @Override
    public String toString() {
        return source + ">" + target;
    }
}
