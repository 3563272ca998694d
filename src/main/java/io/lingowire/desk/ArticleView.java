package io.lingowire.desk;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lingowire.article.Article;
import io.lingowire.article.ArticleRevision;
import io.lingowire.article.Block;
import io.lingowire.article.OriginalDocument;
import io.lingowire.article.SourceRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The article as the API shows it (field names are the public contract in API.md). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleView(
        String id,
        String guid,
        int version,
        String title,
        String byline,
        Dateline dateline,
        Source source,
        String language,
        Double languageConfidence,
        String detectedLanguage,
        String declaredLanguage,
        Instant publishedAt,
        Instant embargoUntil,
        String pubStatus,
        List<String> keywords,
        List<String> products,
        List<Block> blocks,
        String contentHash,
        Original original,
        List<Translation> translations,
        Instant createdAt,
        Instant updatedAt,
        String ingest) {

    public record Dateline(String place, LocalDate date, String text) {
    }

    public record Source(String name, List<SourceRef> chain) {
    }

    public record Original(String mediaType, String filename, long size, String sha256) {
    }

    public record Translation(String language, String status, int sourceVersion) {
    }

    public ArticleView withTranslations(List<Translation> list) {
        return new ArticleView(id, guid, version, title, byline, dateline, source, language, languageConfidence,
                detectedLanguage, declaredLanguage, publishedAt, embargoUntil, pubStatus, keywords, products, blocks,
                contentHash, original, list, createdAt, updatedAt, ingest);
    }

    public static ArticleView of(Article article, ArticleRevision r, String ingestOutcome) {
        OriginalDocument o = r.original;
        return new ArticleView(article.id, article.guid, r.version, r.title, r.byline,
                r.datelinePlace == null && r.datelineDate == null && r.datelineText == null ? null
                        : new Dateline(r.datelinePlace, r.datelineDate, r.datelineText),
                new Source(r.sourceName, r.sourceChain),
                r.language, r.languageConfidence, r.detectedLanguage, r.declaredLanguage,
                r.publishedAt, r.embargoUntil,
                // a kill cancels the article as it stands, without a revision of its own
                (r.version == article.currentVersion ? article.pubStatus : r.pubStatus).name(), r.keywords,
                r.products == null ? List.of() : r.products, r.blocks, r.contentHash,
                o == null ? null : new Original(o.mediaType, o.filename, o.size, o.sha256),
                List.of(), article.createdAt, r.createdAt, ingestOutcome);
    }

    /** The listing form: everything but the content. */
    public record Summary(String id, String guid, int version, String title, String language, String source,
                          String pubStatus, Instant publishedAt, Instant embargoUntil, Instant createdAt,
                          Instant updatedAt) {
        public static Summary of(Article a) {
            return new Summary(a.id, a.guid, a.currentVersion, a.title, a.language, a.sourceName, a.pubStatus.name(),
                    a.publishedAt, a.embargoUntil, a.createdAt, a.updatedAt);
        }
    }

    public record Page(List<Summary> items, String next) {
    }

    public record Batch(List<ArticleView> articles) {
    }
}
