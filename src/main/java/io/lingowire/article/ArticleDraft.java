package io.lingowire.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An analysed article ready to be stored: what ingest understood of one item of a document. */
public record ArticleDraft(
        String guid,
        String title,
        String byline,
        String datelinePlace,
        LocalDate datelineDate,
        String datelineText,
        String sourceName,
        List<SourceRef> chain,
        String language,
        Double languageConfidence,
        String detectedLanguage,
        String declaredLanguage,
        Instant publishedAt,
        Instant embargoUntil,
        PubStatus pubStatus,
        List<String> keywords,
        List<Block> blocks,
        String contentHash,
        List<String> products) {
}
