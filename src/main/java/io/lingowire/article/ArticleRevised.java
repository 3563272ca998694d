package io.lingowire.article;

/**
 * Fired, inside the storing transaction, when an article gets a new revision, so that features that depend on the
 * content (translations) can react in the same transaction.
 */
public record ArticleRevised(String articleId, int version) {
}
