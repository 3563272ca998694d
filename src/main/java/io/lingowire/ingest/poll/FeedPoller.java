package io.lingowire.ingest.poll;

import io.lingowire.article.ArticleService;
import io.lingowire.common.error.ApiProblem;
import io.lingowire.ingest.IngestRequest;
import io.lingowire.ingest.IngestService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Polls the configured RSS/Atom sources. Each replica ticks; a feed is polled by whichever replica takes its
 * lease first. Conditional GET keeps unchanged feeds cheap, and entries already ingested are recognised by their
 * guid and content, so each new entry becomes an article exactly once. A failing feed backs off and never stops
 * the others.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final FeedConfig config;
    private final IngestService ingest;
    private final FeedFetcher fetcher;
    private final Set<String> allowedHosts = new HashSet<>();

    FeedPoller(FeedConfig config, IngestService ingest) {
        this.config = config;
        this.ingest = ingest;
        this.fetcher = new FeedFetcher(config.timeout(), config.maxBytes().asLongValue());
        config.allowedHosts().ifPresent(hosts -> hosts.forEach(h -> allowedHosts.add(h.toLowerCase(Locale.ROOT))));
        config.sources().values().forEach(s -> {
            String host = URI.create(s.url()).getHost();
            if (host != null) {
                allowedHosts.add(host.toLowerCase(Locale.ROOT));
            }
        });
    }

    /** What the API shows of a source. */
    public record SourceState(String name, String url, boolean enabled, Instant lastPolledAt, String lastStatus,
                              String lastError, Instant nextPollAt, long itemsIngested) {
    }

    /** The outcome of one poll. */
    public record PollResult(String source, String status, int created, int revised, int duplicates) {
    }

    void register(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (Map.Entry<String, FeedConfig.Source> entry : config.sources().entrySet()) {
                FeedSource row = FeedSource.findById(entry.getKey());
                if (row == null) {
                    row = new FeedSource();
                    row.name = entry.getKey();
                    row.nextPollAt = Instant.now();
                    row.url = entry.getValue().url();
                    row.persist();
                } else if (!row.url.equals(entry.getValue().url())) {
                    row.url = entry.getValue().url();
                    row.etag = null;
                    row.lastModified = null;
                }
            }
        });
    }

    @Scheduled(every = "${lingowire.feeds.tick:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            delayed = "${lingowire.feeds.first-tick-delay:10s}")
    void tick() {
        for (Map.Entry<String, FeedConfig.Source> entry : config.sources().entrySet()) {
            if (entry.getValue().enabled() && claim(entry.getKey(), false)) {
                poll(entry.getKey(), entry.getValue());
            }
        }
    }

    /** Polls a source now, whatever its schedule (unless another replica is polling it this moment). */
    public PollResult pollNow(String name) {
        FeedConfig.Source source = config.sources().get(name);
        if (source == null) {
            throw ApiProblem.notFound("Feed source", name);
        }
        if (!claim(name, true)) {
            throw new ApiProblem(409, "poll-in-progress", "Conflict", "Source " + name + " is being polled right now");
        }
        return poll(name, source);
    }

    public List<SourceState> sources() {
        return QuarkusTransaction.requiringNew().call(() -> config.sources().entrySet().stream().map(e -> {
            FeedSource row = FeedSource.findById(e.getKey());
            return row == null
                    ? new SourceState(e.getKey(), e.getValue().url(), e.getValue().enabled(), null, null, null, null, 0)
                    : new SourceState(row.name, row.url, e.getValue().enabled(), row.lastPolledAt, row.lastStatus,
                    row.lastError, row.nextPollAt, row.itemsIngested);
        }).toList());
    }

    private boolean claim(String name, boolean ignoreSchedule) {
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> FeedSource.update(
                "leaseUntil = ?1 where name = ?2 and (leaseUntil is null or leaseUntil < ?3)"
                        + (ignoreSchedule ? "" : " and nextPollAt <= ?3"), now.plus(LEASE), name, now) == 1);
    }

    private PollResult poll(String name, FeedConfig.Source source) {
        FeedSource state = QuarkusTransaction.requiringNew().call(() -> FeedSource.<FeedSource>findById(name));
        try {
            FeedFetcher.Result result = fetcher.fetch(source.url(), state.etag, state.lastModified, allowedHosts);
            if (result.notModified()) {
                return finish(name, source, "not-modified", null, result, 0, 0, 0);
            }
            if (result.status() != 200) {
                return finish(name, source, "http-" + result.status(), "the feed answered HTTP " + result.status(),
                        null, 0, 0, 0);
            }
            List<ArticleService.Stored> stored = ingest.ingest(new IngestRequest(result.body(), result.contentType(),
                    null, name, source.language().orElse(null), List.of(), null, null, "feed:" + name,
                    source.products().orElse(List.of())));
            int created = count(stored, ArticleService.Outcome.CREATED);
            int revised = count(stored, ArticleService.Outcome.REVISED);
            return finish(name, source, "ok", null, result, created, revised, stored.size() - created - revised);
        } catch (ApiProblem e) {
            return finish(name, source, "refused", e.detail(), null, 0, 0, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return finish(name, source, "interrupted", "the poll was interrupted", null, 0, 0, 0);
        } catch (Exception e) {
            // the message is shown through the API: say what failed, never which class failed
            return finish(name, source, "error", "fetching the feed failed" + (e.getMessage() == null ? ""
                    : ": " + e.getMessage()), null, 0, 0, 0);
        }
    }

    private PollResult finish(String name, FeedConfig.Source source, String status, String error,
                              FeedFetcher.Result result, int created, int revised, int duplicates) {
        QuarkusTransaction.requiringNew().run(() -> {
            FeedSource row = FeedSource.findById(name);
            Instant now = Instant.now();
            row.lastPolledAt = now;
            row.lastStatus = status;
            row.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
            row.leaseUntil = null;
            row.itemsIngested += created + revised;
            if (result != null && !result.notModified()) {
                row.etag = result.etag();
                row.lastModified = result.lastModified();
            }
            if (error == null) {
                row.consecutiveFailures = 0;
                row.nextPollAt = now.plus(source.interval());
            } else {
                row.consecutiveFailures++;
                long factor = 1L << Math.min(row.consecutiveFailures, 10);
                Duration backoff = source.interval().multipliedBy(factor);
                row.nextPollAt = now.plus(backoff.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : backoff);
                LOG.warnf("Feed %s: %s (%s); next poll at %s", name, status, row.lastError, row.nextPollAt);
            }
        });
        return new PollResult(name, status, created, revised, duplicates);
    }

    private static int count(List<ArticleService.Stored> stored, ArticleService.Outcome outcome) {
        return (int) stored.stream().filter(s -> s.outcome() == outcome).count();
    }
}
