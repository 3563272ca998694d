package io.lingowire.ingest;

import io.lingowire.locale.LanguageTags;
import io.lingowire.article.ArticleDraft;
import io.lingowire.article.ArticleRevision;
import io.lingowire.article.ArticleService;
import io.lingowire.common.Hashing;
import io.lingowire.common.Params;
import io.lingowire.common.error.ApiProblem;
import io.lingowire.ingest.analyze.ArticleAnalyzer;
import io.lingowire.ingest.read.DocumentReaders;
import io.lingowire.ingest.read.ExtractedItem;
import io.lingowire.ingest.read.InputFormat;
import io.lingowire.ingest.read.FormatDetector;
import io.lingowire.ingest.read.Limits;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import java.util.List;
import java.util.function.Supplier;

/**
 * The ingest path: size and emptiness checks, format detection, reading and analysis on the parse pool, then
 * storage. Everything that can reject a document happens before anything is stored.
 */
@ApplicationScoped
public class IngestService {

    private final FormatDetector detector = new FormatDetector();
    private final DocumentReaders readers = new DocumentReaders();
    private final ArticleAnalyzer analyzer;
    private final ArticleService articles;
    private final ParseRunner runner;
    private final IngestConfig config;
    private final MeterRegistry metrics;
    private final jakarta.enterprise.event.Event<ArticlesStored> ingested;

    IngestService(ArticleAnalyzer analyzer, ArticleService articles, ParseRunner runner, IngestConfig config,
                  MeterRegistry metrics, jakarta.enterprise.event.Event<ArticlesStored> ingested) {
        this.ingested = ingested;
        this.analyzer = analyzer;
        this.articles = articles;
        this.runner = runner;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Reads and stores one document. A refusal is counted in {@code lingowire_ingest_rejections_total{reason}} (the
     * problem's type) before it goes back to the client.
     */
    public List<ArticleService.Stored> ingest(IngestRequest request) {
        return counted(() -> read(request));
    }

    /** Runs an ingest or a correction, counting a refusal by its problem type before it goes back to the client. */
    private <T> T counted(Supplier<T> work) {
        try {
            return work.get();
        } catch (ApiProblem refused) {
            metrics.counter("lingowire.ingest.rejections", "reason", refused.slug()).increment();
            throw refused;
        }
    }

    private List<ArticleService.Stored> read(IngestRequest request) {
        Prepared prepared = prepare(request, null);
        List<ArticleService.Stored> stored;
        try {
            stored = articles.store(prepared.extraction().drafts(), prepared.original(), request.submittedBy());
        } catch (PersistenceException e) {
            // Another request stored the same article a moment ago; storing again now finds it.
            stored = articles.store(prepared.extraction().drafts(), prepared.original(), request.submittedBy());
        }
        ingested.fire(new ArticlesStored(stored, request.targets(), request.priority()));
        return stored;
    }

    /**
     * A correction of article {@code articleId}: the document (any format ingest reads, or {@link #JSON_BLOCKS}) must
     * hold one article, which becomes the article's next revision whatever its identity says. What the correction
     * does not say — source, attribution, dateline, products, embargo — stays as the current revision has it.
     */
    public ArticleService.Stored correct(String articleId, IngestRequest request) {
        return counted(() -> {
            ArticleRevision current = articles.revision(articleId, null);
            Prepared prepared = prepare(request, current);
            List<ArticleDraft> drafts = prepared.extraction().drafts();
            if (drafts.size() != 1) {
                throw ApiProblem.unreadable("not-one-article", "A correction holds one article; this document holds "
                        + drafts.size());
            }
            ArticleService.Stored stored = articles.correct(articleId, inherit(drafts.get(0), current, request),
                    prepared.original(), request.submittedBy());
            ingested.fire(new ArticlesStored(List.of(stored), request.targets(), request.priority()));
            return stored;
        });
    }

    /** The media type of a correction given as JSON: {@code {"title", "byline", "blocks": [{type, text}]}}. */
    public static final String JSON_BLOCKS = "application/json";

    /** The longest source name kept (the column's size). */
    static final int MAX_SOURCE = 200;

    private record Prepared(Extraction extraction, ArticleService.Original original) {
    }

    /** The checks, then detection, reading and analysis on the parse pool: everything before storing. */
    private Prepared prepare(IngestRequest request, ArticleRevision correcting) {
        byte[] bytes = request.bytes();
        if (bytes == null || bytes.length == 0) {
            throw ApiProblem.badRequest("empty-document", "The document is empty: send the file in the body, or as "
                    + "the multipart part 'file'");
        }
        long max = config.maxDocumentSize().asLongValue();
        if (bytes.length > max) {
            throw ApiProblem.tooLarge("The document is " + bytes.length + " bytes; the limit is " + max + " bytes");
        }
        Params.oneOf("priority", request.priority(), "normal", "high", "normal");
        if (request.language() != null && !request.language().isBlank()
                && LanguageTags.canonical(request.language()).equals("und")) {
            throw ApiProblem.badRequest("invalid-language", "language '" + request.language()
                    + "' is not a BCP47 language tag");
        }
        if (request.source() != null && request.source().strip().length() > MAX_SOURCE) {
            throw ApiProblem.badRequest("invalid-source", "source is limited to " + MAX_SOURCE + " characters");
        }
        if (request.targets() != null) {
            for (String target : request.targets()) {
                if (LanguageTags.canonical(target).equals("und")) {
                    throw ApiProblem.badRequest("invalid-language", "'" + target + "' in 'targets' is not a BCP47 tag");
                }
            }
        }
        String filename = Filenames.sanitize(request.filename());
        ExtractedItem blocks = correcting == null ? null : CorrectionBlocks.read(bytes, request.declaredType(),
                limits());
        Extraction extraction = blocks != null
                ? new Extraction(new InputFormat.Detected(InputFormat.NINJS, JSON_BLOCKS, "UTF-8"),
                List.of(analyzer.analyze(blocks, request)))
                : runner.run(() -> extract(bytes, request, filename));
        metrics.counter("lingowire.ingest.documents", "format", extraction.detected().format().name().toLowerCase())
                .increment();
        return new Prepared(extraction, new ArticleService.Original(bytes, Hashing.sha256Hex(bytes),
                extraction.detected().mediaType(), filename));
    }

    /** A correction's draft, with what it does not say taken from the revision it corrects. */
    private static ArticleDraft inherit(ArticleDraft d, ArticleRevision r, IngestRequest request) {
        boolean saysSource = request.source() != null || !d.chain().isEmpty();
        boolean saysDateline = d.datelineText() != null || d.datelinePlace() != null || d.datelineDate() != null;
        return new ArticleDraft(d.guid(), d.title(), d.byline() != null ? d.byline() : r.byline,
                saysDateline ? d.datelinePlace() : r.datelinePlace, saysDateline ? d.datelineDate() : r.datelineDate,
                saysDateline ? d.datelineText() : r.datelineText,
                saysSource || d.sourceName() != null ? d.sourceName() : r.sourceName,
                saysSource || r.sourceChain == null ? d.chain() : List.copyOf(r.sourceChain),
                d.language(), d.languageConfidence(), d.detectedLanguage(), d.declaredLanguage(),
                d.publishedAt() != null ? d.publishedAt() : r.publishedAt,
                d.embargoUntil() != null ? d.embargoUntil() : r.embargoUntil, d.pubStatus(),
                d.keywords().isEmpty() && r.keywords != null ? List.copyOf(r.keywords) : d.keywords(), d.blocks(),
                d.contentHash(),
                d.products().isEmpty() && r.products != null ? List.copyOf(r.products) : d.products());
    }

    /** What reading one document produced: the format it turned out to be and the articles it holds. */
    public record Extraction(InputFormat.Detected detected, List<ArticleDraft> drafts) {
    }

    /** Detection, reading and analysis, without storing anything: the part that runs on the parse pool. */
    public Extraction extract(byte[] bytes, IngestRequest request, String filename) {
        InputFormat.Detected detected = detector.detect(bytes, request.declaredType(), filename);
        List<ExtractedItem> items = readers.read(bytes, detected, limits());
        List<ArticleDraft> drafts = items.stream()
                .filter(item -> !item.blocks.isEmpty() || item.title != null && !item.title.isBlank())
                .map(item -> analyzer.analyze(item, request))
                .toList();
        if (drafts.isEmpty()) {
            throw ApiProblem.unreadable("no-text", "The document contains no readable text (a scanned PDF without a "
                    + "text layer, an empty file, or only markup)");
        }
        return new Extraction(detected, drafts);
    }

    private Limits limits() {
        return new Limits(config.maxTextChars(), config.maxNestingDepth(), config.maxElements(),
                config.maxItemsPerDocument());
    }
}
