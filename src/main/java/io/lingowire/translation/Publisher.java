package io.lingowire.translation;

import io.lingowire.article.Article;
import io.lingowire.event.EventLog;
import io.lingowire.event.StoryEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** Publishes a language version: its published version moves to the translated one, and partners are told. */
@ApplicationScoped
public class Publisher {

    private final EventLog events;

    Publisher(EventLog events) {
        this.events = events;
    }

    /** In the caller's transaction: {@code translation.published}, approved or not. */
    void publish(Translation t, Article article, boolean approved) {
        t.publishedVersion = t.sourceVersion;
        events.append(StoryEvent.TRANSLATION_PUBLISHED, t.articleId, t.sourceVersion, t.language,
                article.embargoUntil, approved);
    }
}
