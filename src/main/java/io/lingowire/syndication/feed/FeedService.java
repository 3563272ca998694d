package io.lingowire.syndication.feed;

import io.lingowire.locale.LanguageTags;
import io.lingowire.common.Cursor;
import io.lingowire.common.error.ApiProblem;
import io.lingowire.event.StoryEvent;
import io.lingowire.event.EventSignal;
import io.lingowire.syndication.SyndicationConfig;
import io.lingowire.syndication.format.LocalizedItem;
import io.lingowire.syndication.partner.Audience;
import io.lingowire.syndication.partner.Partner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A partner's pull feed: the event log read from the partner's cursor (the last event sequence it was given, so a
 * cursor never expires and survives any outage), turned into the language versions the partner may see, oldest first.
 * An item changed several times within one page appears once, at its latest position, in its current state.
 * Translation staleness is announced by webhook only: a stale version stays what partners have until it is replaced.
 */
@ApplicationScoped
public class FeedService {

    private static final int SCAN = 200;
    private static final Duration MAX_NAP = Duration.ofMillis(500);
    /**
     * Sequence numbers are taken when a transaction inserts its event but become visible when it commits, so a
     * young gap in the sequence may be a transaction still in flight: the feed does not read past it (a cursor beyond
     * it would skip that event forever). A gap older than this is a rolled-back transaction and is passed.
     */
    static final Duration GAP_GRACE = Duration.ofSeconds(5);

    private final Items items;
    private final EventSignal signal;

    private final SyndicationConfig config;

    FeedService(Items items, EventSignal signal, SyndicationConfig config) {
        this.items = items;
        this.signal = signal;
        this.config = config;
    }

    /** A page: the items and the cursor after them (the same cursor when nothing was there). */
    public record Page(List<LocalizedItem> items, String next, long position) {
    }

    public static long position(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            long seq = Long.parseLong(Cursor.decode(cursor));
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException ignored) {
            // below
        }
        throw ApiProblem.badRequest("invalid-cursor", "The cursor is not one this server issued");
    }

    /** Validates {@code lang}: every tag must be one the partner is entitled to. Null means all entitled. */
    public static List<String> languages(Partner partner, String lang) {
        if (lang == null || lang.isBlank()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String part : lang.split(",")) {
            String tag = LanguageTags.canonical(part);
            if (tag.equals("und")) {
                throw ApiProblem.badRequest("invalid-language", "'" + part.strip() + "' is not a BCP47 language tag");
            }
            if (!Audience.languageEntitled(partner, tag)) {
                throw ApiProblem.forbidden("language-not-entitled", "This partner is not entitled to '" + tag + "'");
            }
            out.add(tag);
        }
        return out;
    }

    public Page page(Partner partner, String cursor, List<String> languages, int limit, Duration wait) {
        if (limit < 1 || limit > config.maxLimit()) {
            throw ApiProblem.badRequest("invalid-limit", "'limit' must be between 1 and " + config.maxLimit());
        }
        if (wait.isNegative() || wait.compareTo(config.maxWait()) > 0) {
            throw ApiProblem.badRequest("invalid-wait", "'wait' must be between 0 and " + config.maxWait().toSeconds()
                    + " seconds");
        }
        long from = position(cursor);
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long generation = signal.generation();
            Page page = read(partner, from, languages, limit);
            long left = deadline - System.nanoTime();
            if (!page.items().isEmpty() || left <= 0) {
                return page;
            }
            // nothing yet: read again from there when the log changes (at least twice a second, so that a gap
            // left by a slow transaction is looked at again)
            from = page.position();
            try {
                signal.awaitChange(generation, Duration.ofNanos(Math.min(left, MAX_NAP.toNanos())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return page;
            }
        }
    }

    private Page read(Partner partner, long from, List<String> languages, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String[]> picked = new LinkedHashMap<>();
            Map<String, Audience.Story> stories = new HashMap<>();
            long position = from;
            Instant youngGap = Instant.now().minus(GAP_GRACE);
            scan:
            while (true) {
                List<StoryEvent> events = StoryEvent.find("seq > ?1 order by seq", position).page(0, SCAN).list();
                List<String> unknown = events.stream().map(e -> e.articleId).distinct()
                        .filter(id -> !stories.containsKey(id)).toList();
                stories.putAll(items.stories(unknown));
                for (StoryEvent event : events) {
                    if (picked.size() >= limit) {
                        break scan;
                    }
                    if (event.seq != position + 1 && event.createdAt.isAfter(youngGap)) {
                        break scan;
                    }
                    position = event.seq;
                    if (StoryEvent.TRANSLATION_STALE.equals(event.type)) {
                        continue;
                    }
                    Audience.Story story = stories.get(event.articleId);
                    if (story == null) {
                        continue;
                    }
                    for (String language : Audience.languages(partner, event, story)) {
                        if (languages == null || languages.stream().anyMatch(l -> LanguageTags.matches(l, language))) {
                            String key = event.articleId + " " + language;
                            picked.remove(key);
                            picked.put(key, new String[]{event.articleId, language});
                        }
                    }
                }
                if (events.size() < SCAN) {
                    break;
                }
            }
            Instant now = Instant.now();
            List<LocalizedItem> out = new ArrayList<>(picked.size());
            for (String[] entry : picked.values()) {
                Audience.Story story = stories.get(entry[0]);
                // the current state decides: a version withdrawn or not yet approved since the event is not shown
                if (story.article().pubStatus != io.lingowire.article.PubStatus.usable
                        || Audience.mayReceive(partner, story, entry[1], now)) {
                    out.add(items.item(story, entry[1], partner));
                }
            }
            return new Page(out, Cursor.encode(Long.toString(position)), position);
        });
    }

    /** One item in one language, if this partner may have it now. */
    public LocalizedItem item(Partner partner, String articleId, String language) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Audience.Story story = items.story(articleId).orElseThrow(() -> ApiProblem.notFound("Item", articleId));
            String tag = language == null || language.isBlank() ? story.article().language
                    : LanguageTags.canonical(language);
            if (!Audience.mayReceive(partner, story, tag, Instant.now())) {
                throw ApiProblem.notFound("Item", articleId + " in " + tag);
            }
            return items.item(story, tag, partner);
        });
    }
}
