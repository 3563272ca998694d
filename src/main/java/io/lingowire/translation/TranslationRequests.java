package io.lingowire.translation;

import io.lingowire.locale.LanguageTags;
import io.lingowire.article.Article;
import io.lingowire.article.ArticleRevision;
import io.lingowire.article.ArticleRevised;
import io.lingowire.event.StoryEvent;
import io.lingowire.event.EventLog;
import io.lingowire.article.ArticleService;
import io.lingowire.article.Block;
import io.lingowire.common.Ids;
import io.lingowire.common.error.ApiProblem;
import io.lingowire.common.job.JobQueue;
import io.lingowire.common.job.RetryLater;
import io.lingowire.translation.glossary.GlossaryService;
import io.lingowire.translation.memory.TranslationMemory;
import io.lingowire.translation.provider.LanguagePair;
import io.lingowire.translation.provider.ProviderException;
import io.lingowire.translation.provider.Providers;
import io.lingowire.translation.provider.Terminology;
import io.lingowire.translation.provider.TranslationProvider;
import io.lingowire.translation.quality.QualityChecks;
import io.lingowire.translation.routing.ProviderGate;
import io.lingowire.translation.routing.Route;
import io.lingowire.translation.routing.Router;
import io.lingowire.translation.segment.Protector;
import io.lingowire.translation.segment.Segmenter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Turns an article revision into a language version: blocks are split into sentences, protected spans are
 * replaced by placeholders, the translation memory answers what it can, the provider chain translates the rest in
 * batches, and every placeholder is checked on the way back.
 */
@ApplicationScoped
public class TranslationService {

    public static final String JOB_KIND = "translate";

    /** The longest a translation waits before its route is looked at again when every engine of it is waiting. */
    static final Duration LONGEST_ROUTE_WAIT = Duration.ofMinutes(15);

    private final ArticleService articles;
    private final JobQueue queue;
    private final Providers providers;
    private final TranslationMemory memory;
    private final TranslationConfig config;
    private final EventLog events;
    private final QualityChecks quality;
    private final GlossaryService glossaries;
    private final MeterRegistry metrics;
    private final Router router;
    private final ProviderGate gate;
    private final Segmenter segmenter = new Segmenter();
    private final Protector protector = new Protector();

    TranslationService(ArticleService articles, JobQueue queue, Providers providers, TranslationMemory memory,
                       TranslationConfig config, EventLog events, QualityChecks quality, GlossaryService glossaries,
                       MeterRegistry metrics, Router router, ProviderGate gate) {
        this.metrics = metrics;
        this.router = router;
        this.gate = gate;
        this.glossaries = glossaries;
        this.events = events;
        this.quality = quality;
        this.articles = articles;
        this.queue = queue;
        this.providers = providers;
        this.memory = memory;
        this.config = config;
    }

    /** Queues one translation job per target language of the article's current revision. */
    @Transactional
    public List<Translation> request(String articleId, List<String> targets, String priority) {
        Article article = articles.article(articleId);
        if (targets == null || targets.isEmpty()) {
            throw ApiProblem.badRequest("missing-targets", "Give at least one target language in 'targets'");
        }
        Set<String> languages = new LinkedHashSet<>();
        for (String target : targets) {
            String tag = LanguageTags.canonical(target);
            if (tag.equals("und")) {
                throw ApiProblem.badRequest("invalid-language", "'" + target + "' is not a BCP47 language tag");
            }
            if (LanguageTags.primary(tag).equals(LanguageTags.primary(article.language))) {
                throw ApiProblem.badRequest("same-language", "The article is already in " + article.language);
            }
            languages.add(tag);
        }
        boolean high = "high".equalsIgnoreCase(priority);
        List<Translation> out = new ArrayList<>();
        for (String language : languages) {
            Translation t = Translation.find(articleId, language).orElseGet(() -> {
                Translation fresh = new Translation();
                fresh.id = Ids.newId();
                fresh.articleId = articleId;
                fresh.language = language;
                fresh.createdAt = Instant.now();
                return fresh;
            });
            t.sourceVersion = article.currentVersion;
            t.status = Translation.Status.queued;
            t.priority = high ? "high" : "normal";
            t.updatedAt = Instant.now();
            t.persist();
            enqueue(articleId, language, article.currentVersion, high);
            out.add(t);
        }
        return out;
    }

    /**
     * A correction: every language version of the article is stale until it is translated again from the new
     * revision. The re-translation is queued at once; the translation memory makes unchanged sentences free, so
     * only what changed goes to a provider.
     */
    void onRevised(@jakarta.enterprise.event.Observes ArticleRevised revision) {
        Article article = Article.findById(revision.articleId());
        for (Translation t : Translation.forArticle(revision.articleId())) {
            t.status = Translation.Status.stale;
            t.updatedAt = Instant.now();
            events.append(StoryEvent.TRANSLATION_STALE, revision.articleId(), revision.version(), t.language,
                    article.embargoUntil);
            enqueue(revision.articleId(), t.language, revision.version(), "high".equals(t.priority));
        }
    }

    /**
     * One job per article, language and source version: asking twice while it is queued is asking once. Asking while
     * it runs queues another, as the running one may have read the glossary and memory before the request came.
     */
    private void enqueue(String articleId, String language, int version, boolean high) {
        queue.enqueue(JobQueue.NewJob.of(JOB_KIND, articleId + " " + language)
                .dedupe(JOB_KIND + ":" + articleId + ":" + language + ":" + version)
                .priority(high ? 10 : 100).repeatIfRunning());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Translation> list(String articleId) {
        articles.article(articleId);
        return Translation.forArticle(articleId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Translation get(String articleId, String language) {
        return Translation.find(articleId, LanguageTags.canonical(language))
                .orElseThrow(() -> ApiProblem.notFound("Translation " + language + " of article", articleId));
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
                providers.rest(provider, e);
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
        List<Unit> units = units(revision.title, revision.blocks, pair.source());
        // protect every sentence, then ask the memory for all of them at once
        Map<String, Segment> bySentence = new LinkedHashMap<>();
        for (Unit unit : units) {
            for (Segmenter.Sentence sentence : unit.sentences) {
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
        List<String> sourceSentences = new ArrayList<>();
        List<String> outputSentences = new ArrayList<>();
        Map<Integer, List<String>> parts = new LinkedHashMap<>();
        String title = null;
        for (Unit unit : units) {
            List<String> sentences = new ArrayList<>();
            for (Segmenter.Sentence sentence : unit.sentences) {
                Protector.Protected output = translated.get(sentence.text());
                Protector.Restored restored = protector.restore(output.text(), output.spans());
                restored.problems().forEach(p -> flags.add(p + " in: " + sentence.text()));
                sentences.add(restored.text());
                sourceSentences.add(sentence.text());
                outputSentences.add(restored.text());
            }
            String text = Segmenter.join(sentences, unit.sentences);
            if (unit.block < 0) {
                title = text;
            } else {
                parts.computeIfAbsent(unit.block, k -> new ArrayList<>()).add(text);
            }
        }
        List<Block> blocks = new ArrayList<>();
        for (int b = 0; b < revision.blocks.size(); b++) {
            Block source = revision.blocks.get(b);
            List<String> p = parts.getOrDefault(b, List.of(""));
            if (source.items() != null) {
                blocks.add(Block.list(p).withLanguage(language, null));
            } else if (source.rows() != null) {
                List<List<String>> rows = new ArrayList<>();
                int i = 0;
                for (List<String> row : source.rows()) {
                    rows.add(new ArrayList<>(p.subList(i, i + row.size())));
                    i += row.size();
                }
                blocks.add(Block.table(rows).withLanguage(language, null));
            } else {
                blocks.add(new Block(source.type(), p.get(0), null, null, language, null));
            }
        }
        flags.addAll(quality.check(sourceSentences, outputSentences, language));
        flags.addAll(quality.glossary(sourceSentences, outputSentences, terminology.entries()));
        String finalTitle = title;
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
                publish(t, revision.article, false);
            }
        });
        return new Outcome(bySentence.size(), hits, missing.size());
    }

    /**
     * An editor approves a language version: it is published (again) as approved, which is what partners that take
     * only approved translations wait for. Only a translation of the current revision can be approved.
     */
    @Transactional
    public Translation approve(String articleId, String language, String editor) {
        Translation t = get(articleId, language);
        Article article = t.articleId == null ? null : Article.findById(t.articleId);
        if (t.blocks == null || (t.status != Translation.Status.translated && t.status != Translation.Status.review)) {
            throw ApiProblem.conflict("not-ready", "The " + t.language + " translation is " + t.status
                    + "; only a finished translation can be approved");
        }
        if (t.sourceVersion != article.currentVersion) {
            throw ApiProblem.conflict("stale", "The translation is of version " + t.sourceVersion
                    + " but the article is at version " + article.currentVersion);
        }
        t.status = Translation.Status.translated;
        t.approvedBy = editor;
        t.approvedAt = Instant.now();
        t.updatedAt = t.approvedAt;
        publish(t, article, true);
        return t;
    }

    private void publish(Translation t, Article article, boolean approved) {
        t.publishedVersion = t.sourceVersion;
        events.append(StoryEvent.TRANSLATION_PUBLISHED, t.articleId, t.sourceVersion, t.language, article.embargoUntil,
                approved);
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

    private record Unit(int block, int part, String text, List<Segmenter.Sentence> sentences) {
    }

    /** The translatable units of an article: its title, then each paragraph, list item and table cell. */
    private List<Unit> units(String title, List<Block> blocks, String language) {
        List<Unit> units = new ArrayList<>();
        units.add(new Unit(-1, -1, title == null ? "" : title, segmenter.sentences(title == null ? "" : title, language)));
        for (int b = 0; b < blocks.size(); b++) {
            List<String> parts = parts(blocks.get(b));
            for (int p = 0; p < parts.size(); p++) {
                units.add(new Unit(b, p, parts.get(p), segmenter.sentences(parts.get(p), language)));
            }
        }
        return units;
    }

    private static List<String> parts(Block block) {
        return block.items() != null ? block.items()
                : block.rows() != null ? block.rows().stream().flatMap(List::stream).toList()
                : List.of(block.text() == null ? "" : block.text());
    }

    /** An editor's version of a language version: a title and one block per source block, in order. */
    public record PostEdit(String title, List<Block> blocks) {
    }

    /**
     * An editor's post-edit: the text of the language version is replaced, re-checked, and every edited sentence
     * goes to the translation memory as approved, so the same sentence is never machine-translated again. Sentences
     * are paired with their source one to one where the counts agree within a paragraph, else the paragraph is
     * paired as a whole. The edit is published when the language is approved.
     */
    @Transactional
    public Translation postEdit(String articleId, String language, PostEdit edit, String editor) {
        Translation t = get(articleId, language);
        Article article = articles.article(articleId);
        if (t.blocks == null || t.sourceVersion != article.currentVersion || t.status == Translation.Status.stale) {
            throw ApiProblem.conflict("stale", "The " + t.language + " translation is not of the article's current "
                    + "version " + article.currentVersion + "; wait for its re-translation, then edit it");
        }
        ArticleRevision revision = articles.revision(articleId, null);
        if (edit == null || edit.blocks() == null || edit.blocks().size() != revision.blocks.size()) {
            throw ApiProblem.badRequest("block-count", "Send 'blocks' with one block per source block ("
                    + revision.blocks.size() + "), in order");
        }
        List<Block> edited = new ArrayList<>();
        for (int b = 0; b < edit.blocks().size(); b++) {
            Block given = edit.blocks().get(b);
            Block source = revision.blocks.get(b);
            if (given == null || (given.text() == null && given.items() == null && given.rows() == null)) {
                throw ApiProblem.badRequest("empty-block", "Block " + b + " has no text");
            }
            Block block = given.items() != null ? Block.list(given.items())
                    : given.rows() != null ? Block.table(given.rows()) : Block.of(source.type(), given.text());
            if (parts(block).size() != parts(source).size()) {
                throw ApiProblem.badRequest("block-shape", "Block " + b + " must keep the " + parts(source).size()
                        + " items or cells of its source");
            }
            edited.add(block.withLanguage(t.language, null));
        }
        String title = edit.title() == null || edit.title().isBlank() ? t.title : edit.title().strip();
        LanguagePair pair = Router.pair(revision, t.language);
        Map<String, String> terms = glossaries.snapshot(pair).terms();
        List<Unit> sourceUnits = units(revision.title, revision.blocks, pair.source());
        List<Unit> targetUnits = units(title, edited, pair.target());
        List<TranslationMemory.Entry> approved = new ArrayList<>();
        List<String> sourceTexts = new ArrayList<>();
        List<String> targetTexts = new ArrayList<>();
        for (int u = 0; u < sourceUnits.size(); u++) {
            Unit source = sourceUnits.get(u);
            Unit target = targetUnits.get(u);
            sourceTexts.add(source.text());
            targetTexts.add(target.text());
            boolean oneToOne = source.sentences().size() == target.sentences().size();
            int pairs = oneToOne ? source.sentences().size() : 1;
            for (int i = 0; i < pairs; i++) {
                String from = oneToOne ? source.sentences().get(i).text() : source.text();
                String to = oneToOne ? target.sentences().get(i).text() : target.text();
                Protector.Protected protectedSource = protector.protect(from, terms);
                String protectedTarget = protector.protectAs(to, protectedSource.spans());
                if (protectedTarget != null && !from.isBlank()) {
                    approved.add(new TranslationMemory.Entry(TranslationMemory.approvedKey(protectedSource.text(),
                            pair, Protector.SCHEME), protectedSource.text(), protectedTarget));
                }
            }
        }
        memory.storeApproved(approved, pair, editor);
        t.title = title;
        t.blocks = edited;
        t.flags = quality.check(sourceTexts, targetTexts, t.language);
        t.status = t.flags.isEmpty() ? Translation.Status.translated : Translation.Status.review;
        t.approvedBy = null;
        t.approvedAt = null;
        t.updatedAt = Instant.now();
        return t;
    }
}
