package io.lingowire.ingest.read;

import io.lingowire.article.Block;
import io.lingowire.article.PubStatus;
import io.lingowire.article.SourceRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reader found in one item of a document, before analysis. Readers of news formats fill the metadata
 * their format carries; readers of plain documents mostly fill {@code blocks} and leave the rest to the analyzer.
 */
public final class ExtractedItem {

    public String guid;
    public String title;
    public String byline;
    public List<Block> blocks = new ArrayList<>();
    public Instant publishedAt;
    public Instant embargoUntil;
    public PubStatus pubStatus;
    public List<String> keywords = new ArrayList<>();
    public String language;
    /** Credit line or provider name the format names, when it names one. */
    public String sourceName;
    public List<SourceRef> chain = new ArrayList<>();
    public String datelinePlace;
    public LocalDate datelineDate;
    public String datelineText;

    public void addKeyword(String keyword) {
        if (keyword != null && !keyword.isBlank() && !keywords.contains(keyword.trim())) {
            keywords.add(keyword.trim());
        }
    }

    public void addSource(String name, String role) {
        if (name != null && !name.isBlank()) {
            SourceRef ref = new SourceRef(name.trim(), role);
            if (!chain.contains(ref)) {
                chain.add(ref);
            }
        }
    }
}
