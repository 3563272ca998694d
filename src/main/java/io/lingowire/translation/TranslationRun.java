package io.lingowire.translation;

import io.lingowire.article.ArticleRevision;
import io.lingowire.article.ArticleService;
import io.lingowire.article.Block;
import io.lingowire.common.job.JobQueue;
import io.lingowire.common.job.RetryLater;
import io.lingowire.translation.glossary.GlossaryService;
import io.lingowire.translation.memory.TranslationMemory;
import io.lingowire.translation.provider.LanguagePair;
import io.lingowire.translation.provider.ProviderException;
import io.lingowire.translation.provider.Terminology;
import io.lingowire.translation.provider.TranslationProvider;
import io.lingowire.translation.quality.QualityChecks;
import io.lingowire.translation.routing.ProviderGate;
import io.lingowire.translation.routing.Route;
import io.lingowire.translation.routing.Router;
import io.lingowire.translation.segment.Protector;
import io.lingowire.translation.segment.Segmenter;
import io.lingowire.translation.segment.Units;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One translation job's work: the route is chosen, each engine of it is tried in turn (failover), and the article's
 * current revision goes through the segment pipeline — split into sentences, protected spans replaced by
 * placeholders, the translation memory asked first, the rest sent to the engine in batches, placeholders restored and
 * checked, the blocks reassembled and quality-checked — and the result is stored with the job's completion.
 */
@ApplicationScoped
public class TranslationRun {

    /** The longest a translation waits before its route is looked at again when every engine of it is waiting. */
    static final Duration LONGEST_ROUTE_WAIT = Duration.ofMinutes(15);

    private final ArticleService articles;
    private final JobQueue queue;
    private final TranslationMemory memory;
    private final TranslationConfig config;
    private final QualityChecks quality;
    private final GlossaryService glossaries;
    private final MeterRegistry metrics;
    private final Router router;
    private final ProviderGate gate;
    private final Publisher publisher;
    private final Protector protector = new Protector();

    TranslationRun(ArticleService articles, JobQueue queue, TranslationMemory memory, TranslationConfig config,
                   QualityChecks quality, GlossaryService glossaries, MeterRegistry metrics, Router router,
                   ProviderGate gate, Publisher publisher) {
        this.articles = articles;
        this.queue = queue;
        this.memory = memory;
        this.config = config;
        this.quality = quality;
        this.glossaries = glossaries;
        this.metrics = metrics;
        this.router = router;
        this.gate = gate;
        this.publisher = publisher;
    }

    /** Counts of one run, for the record and for tests that count provider calls. */
    public record Outcome(int segments, int memoryHits, int providerSegments) {
    }

    /**
     * The work of one job: translates the article's current revision into {@code language}. When every engine of the
     * route is only resting, behind an open circuit or out of budget, the job waits for the first to be back without
     * using up an attempt, and the translation stays queued with its route saying why.
     */
    public Outcome translate(String articleId, String language) throws ProviderException {
        // the revision, the status and the pair's glossary in one transaction (the route may ask providers for their
        // pairs over the network, so it is chosen outside)
        Started started = QuarkusTransaction.requiringNew().call(() -> {
            ArticleRevision r = articles.revision(articleId, null);
            Translation.find(articleId, language).ifPresent(t -> {
                t.status = Translation.Status.translating;
                t.updatedAt = Instant.now();
            });
            return new Started(r, glossaries.snapshot(Router.pair(r, language)));
        });
        ArticleRevision revision = started.revision();
        Route route = router.route(revision, revision.article.embargoUntil, language);
        LanguagePair pair = route.pair();
        if (route.isEmpty() && route.retryAt() != null) {
            // every engine of the route is only resting, behind an open circuit or out of budget: wait for the first
            String described = route.describe(List.of());
            update(articleId, language, t -> {
                t.status = Translation.Status.queued;
                t.route = described;
                t.updatedAt = Instant.now();
            });
            // asked again by then at the latest: a budget raised or a rule changed need not wait for the month to turn
            long millis = Duration.between(Instant.now(), route.retryAt()).toMillis();
            throw RetryLater.notAttempted(Duration.ofMillis(Math.max(1_000, Math.min(millis,
                    LONGEST_ROUTE_WAIT.toMillis()))), route.whyEmpty());
        }
        if (route.isEmpty()) {
            markFailed(articleId, language, route.whyEmpty());
            return new Outcome(0, 0, 0);
        }
        ProviderException last = null;
        List<String> tried = new ArrayList<>();
        for (TranslationProvider provider : route.providers()) {
            try {
                long start = System.nanoTime();
                tried.add(provider.name());
                Outcome outcome = translateWith(provider, pair, revision, started.glossary(), language,
                        route.describe(tried));
                Timer.builder("lingowire.translation.duration")
                        .description("One language version made, from the revision read to the result stored")
                        .tag("provider", provider.name())
                        .tag("from", outcome.providerSegments() == 0 ? "memory" : "provider")
                        .publishPercentiles(0.5, 0.99)
                        .register(metrics).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                metrics.counter("lingowire.translation.memory.segments", "result", "hit")
                        .increment(outcome.memoryHits());
                metrics.counter("lingowire.translation.memory.segments", "result", "miss")
                        .increment(outcome.segments() - outcome.memoryHits());
                return outcome;
            } catch (ProviderException e) {
                gate.rest(provider, e);
                tried.set(tried.size() - 1, provider.name() + " failed (" + e.kind + ")");
                last = e;
            }
        }
        String describedRoute = route.describe(tried);
        update(articleId, language, t -> t.route = describedRoute);
        throw last;
    }

    /** What a job reads before it translates: the revision and its pair's glossary. */
    private record Started(ArticleRevision revision, GlossaryService.Snapshot glossary) {
    }

    private Outcome translateWith(TranslationProvider provider, LanguagePair pair, ArticleRevision revision,
                                  GlossaryService.Snapshot glossary, String language, String route)
            throws ProviderException {
        Terminology terminology = glossary.terms().isEmpty() || !provider.nativeGlossary(pair) ? Terminology.NONE
                : glossary.terminology();
        TranslationMemory.Context context = new TranslationMemory.Context(pair, provider.name(), provider.model(pair),
                terminology.isEmpty() ? "" : "native-glossary", glossary.version(), Protector.SCHEME);
        List<Units.Unit> units = Units.of(revision.title, revision.blocks, pair.source());
        // protect every sentence, then ask the memory for all of them at once
        Map<String, Segment> bySentence = new LinkedHashMap<>();
        for (Units.Unit unit : units) {
            for (Segmenter.Sentence sentence : unit.sentences()) {
                bySentence.computeIfAbsent(sentence.text(), s -> {
                    Protector.Protected canonical = protector.protect(s, glossary.terms());
                    return new Segment(canonical, terminology.isEmpty() ? canonical : protector.protect(s, Map.of()));
                });
            }
        }
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, String> approvedKeys = new LinkedHashMap<>();
        for (Map.Entry<String, Segment> e : bySentence.entrySet()) {
            keys.put(e.getKey(), TranslationMemory.machineKey(e.getValue().sent().text(), context));
            approvedKeys.put(e.getKey(), TranslationMemory.approvedKey(e.getValue().canonical().text(), pair,
                    Protector.SCHEME));
        }
        List<String> allKeys = new ArrayList<>(keys.values());
        allKeys.addAll(approvedKeys.values());
        Map<String, String> known = memory.lookup(allKeys);
        // each sentence's translation, with the spans of the protected form it was made from
        Map<String, Protector.Protected> translated = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        int hits = 0;
        for (Map.Entry<String, Segment> e : bySentence.entrySet()) {
            String approved = known.get(approvedKeys.get(e.getKey()));
            String machine = known.get(keys.get(e.getKey()));
            if (approved != null) {
                translated.put(e.getKey(), new Protector.Protected(approved, e.getValue().canonical().spans()));
                hits++;
            } else if (machine != null) {
                translated.put(e.getKey(), new Protector.Protected(machine, e.getValue().sent().spans()));
                hits++;
            } else {
                missing.add(e.getKey());
            }
        }
        long characters = 0;
        // the last batch's memory entries are stored with the result, in its transaction; earlier ones at once, so
        // that what was paid for is kept if a later batch fails
        List<TranslationMemory.Entry> lastEntries = List.of();
        for (int from = 0; from < missing.size(); from += config.batchSize()) {
            List<String> batch = missing.subList(from, Math.min(missing.size(), from + config.batchSize()));
            List<String> input = batch.stream().map(s -> bySentence.get(s).sent().text()).toList();
            characters += input.stream().mapToLong(String::length).sum();
            List<String> output = gate.translate(provider, pair, input, terminology);
            List<TranslationMemory.Entry> entries = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                Segment segment = bySentence.get(batch.get(i));
                translated.put(batch.get(i), new Protector.Protected(output.get(i), segment.sent().spans()));
                entries.add(new TranslationMemory.Entry(keys.get(batch.get(i)), input.get(i), output.get(i)));
            }
            if (from + config.batchSize() < missing.size()) {
                memory.storeMachine(entries, context);
            } else {
                lastEntries = entries;
            }
        }
        // restore placeholders and reassemble, collecting whatever did not survive
        List<String> flags = new ArrayList<>();
        Units.Assembled assembled = Units.reassemble(units, revision.blocks, language, sentence -> {
            Protector.Protected output = translated.get(sentence);
            Protector.Restored restored = protector.restore(output.text(), output.spans());
            restored.problems().forEach(p -> flags.add(p + " in: " + sentence));
            return restored.text();
        });
        List<String> sourceSentences = assembled.sourceSentences();
        List<String> outputSentences = assembled.outputSentences();
        List<Block> blocks = assembled.blocks();
        flags.addAll(quality.check(sourceSentences, outputSentences, language));
        flags.addAll(quality.glossary(sourceSentences, outputSentences, terminology.entries()));
        String finalTitle = assembled.title();
        long sent = characters;
        int hitCount = hits;
        List<TranslationMemory.Entry> toRemember = lastEntries;
        QuarkusTransaction.requiringNew().run(() -> {
            // the result and the job's completion commit together: stored once, published once, whoever crashes
            queue.completeHeld();
            memory.storeMachine(toRemember, context);
            Translation t = Translation.find(revision.article.id, language).orElseThrow();
            t.sourceVersion = revision.version;
            t.provider = provider.name();
            t.model = provider.model(pair);
            t.route = route;
            t.title = finalTitle;
            t.blocks = blocks;
            t.flags = flags;
            t.segments = bySentence.size();
            t.memoryHits = hitCount;
            t.charactersSent = sent;
            t.error = null;
            t.status = flags.isEmpty() ? Translation.Status.translated : Translation.Status.review;
            t.approvedBy = null;
            t.approvedAt = null;
            t.updatedAt = Instant.now();
            if (t.status == Translation.Status.translated) {
                publisher.publish(t, revision.article, false);
            }
        });
        return new Outcome(bySentence.size(), hits, missing.size());
    }

    /** Marks a translation failed: its job's last attempt failed, or no attempt can succeed. */
    public void markFailed(String articleId, String language, String error) {
        update(articleId, language, t -> {
            t.status = Translation.Status.failed;
            t.error = error;
            t.updatedAt = Instant.now();
        });
    }

    /** Changes a language version, if it exists, in a transaction of its own. */
    private static void update(String articleId, String language, Consumer<Translation> change) {
        QuarkusTransaction.requiringNew().run(() -> Translation.find(articleId, language).ifPresent(change));
    }

    /**
     * A sentence protected two ways: with the glossary as placeholders (the form approved post-edits are stored in)
     * and as sent to the engine, which is the same unless the engine takes the glossary natively.
     */
    private record Segment(Protector.Protected canonical, Protector.Protected sent) {
    }

}
