package io.lingowire.translation;

import io.lingowire.article.Article;
import io.lingowire.article.ArticleRevision;
import io.lingowire.article.ArticleService;
import io.lingowire.article.Block;
import io.lingowire.common.error.ApiProblem;
import io.lingowire.translation.glossary.GlossaryService;
import io.lingowire.translation.memory.TranslationMemory;
import io.lingowire.translation.provider.LanguagePair;
import io.lingowire.translation.quality.QualityChecks;
import io.lingowire.translation.routing.Router;
import io.lingowire.translation.segment.Protector;
import io.lingowire.translation.segment.Units;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What editors do to a language version: post-edit it (the edit goes to the translation memory) and approve it. */
@ApplicationScoped
public class Editorial {

    private final TranslationRequests requests;
    private final ArticleService articles;
    private final TranslationMemory memory;
    private final QualityChecks quality;
    private final GlossaryService glossaries;
    private final Publisher publisher;
    private final Protector protector = new Protector();

    Editorial(TranslationRequests requests, ArticleService articles, TranslationMemory memory, QualityChecks quality,
              GlossaryService glossaries, Publisher publisher) {
        this.requests = requests;
        this.articles = articles;
        this.memory = memory;
        this.quality = quality;
        this.glossaries = glossaries;
        this.publisher = publisher;
    }

    /**
     * An editor approves a language version: it is published (again) as approved, which is what partners that take
     * only approved translations wait for. Only a translation of the current revision can be approved.
     */
    @Transactional
    public Translation approve(String articleId, String language, String editor) {
        Translation t = requests.get(articleId, language);
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
        publisher.publish(t, article, true);
        return t;
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
        Translation t = requests.get(articleId, language);
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
            if (Units.parts(block).size() != Units.parts(source).size()) {
                throw ApiProblem.badRequest("block-shape", "Block " + b + " must keep the " + Units.parts(source).size()
                        + " items or cells of its source");
            }
            edited.add(block.withLanguage(t.language, null));
        }
        String title = edit.title() == null || edit.title().isBlank() ? t.title : edit.title().strip();
        LanguagePair pair = Router.pair(revision, t.language);
        Map<String, String> terms = glossaries.snapshot(pair).terms();
        List<Units.Unit> sourceUnits = Units.of(revision.title, revision.blocks, pair.source());
        List<Units.Unit> targetUnits = Units.of(title, edited, pair.target());
        List<TranslationMemory.Entry> approved = new ArrayList<>();
        List<String> sourceTexts = new ArrayList<>();
        List<String> targetTexts = new ArrayList<>();
        for (int u = 0; u < sourceUnits.size(); u++) {
            Units.Unit source = sourceUnits.get(u);
            Units.Unit target = targetUnits.get(u);
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
