package io.lingowire.translation.routing;

import io.lingowire.article.ArticleRevision;

import java.util.List;

/**
 * Routing's question to syndication, which answers it: does one of the partners a rule names take this story in this
 * language? Routing knows partners only by the names in its rules.
 */
@FunctionalInterface
public interface Takers {

    /**
     * Whether a partner named in {@code partners} (by id, or by name ignoring case) is entitled to the story of
     * {@code revision} in {@code language}.
     */
    boolean anyTakes(List<String> partners, ArticleRevision revision, String language);
}
