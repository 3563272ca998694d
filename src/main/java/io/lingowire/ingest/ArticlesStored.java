package io.lingowire.ingest;

import io.lingowire.article.ArticleService;

import java.util.List;

/**
 * The "article stored" signal: fired once a document's articles are stored and committed (never inside the storing
 * transaction), with the translation targets and priority asked for at ingest. What follows — translations, the
 * embargo's release — is decided by its one observer, the desk's translation demand.
 */
public record ArticlesStored(List<ArticleService.Stored> stored, List<String> targets, String priority) {
}
