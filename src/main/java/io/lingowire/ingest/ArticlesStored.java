package io.lingowire.ingest;

import io.lingowire.article.ArticleService;

import java.util.List;

/**
 * Fired after a document's articles are stored (committed), with the translation targets and priority asked for at
 * ingest; observers queue what follows (translations, embargo release).
 */
public record Ingested(List<ArticleService.Stored> stored, List<String> targets, String priority) {
}
