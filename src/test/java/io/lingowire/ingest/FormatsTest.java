package io.lingowire.ingest;

import io.lingowire.locale.LanguageTags;
import io.lingowire.article.ArticleDraft;
import io.lingowire.article.Block;
import io.lingowire.article.SourceRef;
import io.lingowire.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same English story as TXT, Markdown, HTML, DOCX, DOC, ODT, RTF, PDF and EPUB (rendered from one source by
 * src/test/fixtures/render.sh) must read the same: headline, byline, dateline, attribution chain and paragraphs.
 */
@QuarkusTest
class FormatsTest {

    @Inject
    IngestService ingest;

    static ArticleDraft read(IngestService ingest, String file) {
        IngestRequest request = new IngestRequest(Api.fixture(file), null, file, null, null, List.of(), null, null, "test", List.of());
        List<ArticleDraft> drafts = ingest.extract(request.bytes(), request, file).drafts();
        assertEquals(1, drafts.size(), file + " holds one article");
        return drafts.get(0);
    }

    static List<String> paragraphs(ArticleDraft draft) {
        return draft.blocks().stream()
                .filter(b -> b.type().equals(Block.PARAGRAPH) || b.type().equals(Block.QUOTE))
                .map(Block::text).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"article.md", "article.docx", "article.doc", "article.odt", "article.rtf", "article.pdf",
            "article.epub", "article.html"})
    void everyFormatReadsLikeThePlainText(String file) {
        ArticleDraft reference = read(ingest, "formats/article.txt");
        ArticleDraft draft = read(ingest, "formats/" + file);
        assertEquals(reference.title(), draft.title(), file + " headline");
        assertEquals(reference.byline(), draft.byline(), file + " byline");
        assertEquals(reference.datelineDate(), draft.datelineDate(), file + " dateline date");
        assertEquals(reference.datelineText(), draft.datelineText(), file + " dateline");
        assertEquals(reference.chain(), draft.chain(), file + " attribution chain");
        // a declared regional tag (LibreOffice writes en-US into the PDF) is kept as declared
        assertEquals("en", io.lingowire.locale.LanguageTags.primary(draft.language()), file + " language");
        List<String> expected = paragraphs(reference);
        List<String> actual = paragraphs(draft);
        if (file.endsWith(".html")) {
            // the web page carries the story's paragraphs plus a pull quote of its own
            assertTrue(actual.containsAll(expected), file + " has every paragraph: " + actual);
        } else {
            assertEquals(expected, actual, file + " paragraphs");
        }
    }

    @Test
    void plainTextReadsLikeAWireEditorWould() {
        ArticleDraft draft = read(ingest, "formats/article.txt");
        assertEquals(LocalDate.of(2024, 11, 12), draft.datelineDate());
        assertEquals(List.of(new SourceRef("MENAFN", SourceRef.DISTRIBUTOR),
                new SourceRef("Khaama Press", SourceRef.ORIGINATOR), new SourceRef("Reuters", SourceRef.CITED)),
                draft.chain());
        assertEquals("MENAFN", draft.sourceName());
        assertFalse(draft.title().isBlank());
        assertFalse(draft.byline().startsWith("By "), "byline keeps the name, not the word 'By'");
        String first = paragraphs(draft).get(0);
        assertTrue(first.startsWith("Reuters has reported that"), first);
        assertTrue(draft.blocks().stream().noneMatch(b -> b.text().contains("MENAFN")), "attribution is not body text");
    }

    @Test
    void webPageLosesItsFurnitureAndKeepsStructure() {
        ArticleDraft draft = read(ingest, "formats/article.html");
        String all = String.join("\n", draft.blocks().stream().map(Block::text).toList());
        assertFalse(all.contains("Share this article"), all);
        assertFalse(all.contains("Related stories"), all);
        assertFalse(all.toLowerCase().contains("all rights reserved"), all);
        assertTrue(draft.blocks().stream().anyMatch(b -> b.type().equals(Block.QUOTE)), "blockquote kept as quote");
        assertTrue(draft.blocks().stream().anyMatch(b -> b.type().equals(Block.LIST) && b.items().size() >= 2));
        assertTrue(draft.blocks().stream().anyMatch(b -> b.type().equals(Block.TABLE) && b.rows().size() >= 2));
        assertFalse(draft.keywords().isEmpty(), "meta keywords");
    }

    @Test
    void sameStoryInAnotherFormatIsRecognisedAsTheSameArticle() {
        String id = Api.asAdmin().contentType("text/plain; charset=utf-8").body(Api.fixture("formats/article.txt"))
                .post("/api/v1/articles").then().statusCode(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(200)))
                .extract().path("id");
        Api.asAdmin().multiPart("file", "article.docx", Api.fixture("formats/article.docx"),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .post("/api/v1/articles").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo(id));
    }
}
