package io.lingowire.syndication.format;

import io.lingowire.article.Block;
import io.lingowire.article.PubStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One language version of an article as a partner receives it, in every format: what the writers render. Built by
 * the feed's item assembler from the article, its revision and its translation, with the locale's texts already
 * applied (dateline, credit, disclosure, notes).
 *
 * @param id            the article id, stable across versions and languages
 * @param uri           the identifier of this language version ({@code urn:lingowire:<id>:<lang>})
 * @param body          empty when the item is withheld or killed: nothing to publish
 * @param translationOf the source language version when this one is a translation
 * @param machine       the engine when this is a machine translation
 * @param notes         editorial notes for the receiving desk: correction, kill, withhold, disclosure
 * @param alternates    the other language versions this partner may take, language → URL
 * @param links         this item in each format, format id → URL
 */
public record LocalizedItem(String id, String uri, String guid, String language, boolean rtl, int version,
                            Instant firstCreated, Instant versionCreated, PubStatus pubStatus, Instant embargoUntil,
                            String title, String byline, String datelinePlace, LocalDate datelineDate, String dateline,
                            List<Block> body, String originator, String distributor, String credit,
                            Source translationOf, Machine machine, String disclosure, List<String> notes,
                            List<String> keywords, Map<String, String> alternates, Map<String, String> links) {

    /** The language version a translation was made from. */
    public record Source(String uri, String language, int version) {
    }

    /** The engine behind a machine translation, and whether an editor reviewed its output. */
    public record Machine(String provider, String model, boolean reviewed, boolean ruleBased) {
        public String engine() {
            return model == null || model.isBlank() || model.equals(provider) ? provider : provider + " (" + model + ")";
        }
    }

    public boolean correction() {
        return version > 1 && pubStatus == PubStatus.usable;
    }

    public String edNote() {
        return notes.isEmpty() ? null : String.join(" ", notes);
    }

    public String link(OutputFormat format) {
        return links.get(format.id);
    }
}
