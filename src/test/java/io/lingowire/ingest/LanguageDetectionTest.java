package io.lingowire.ingest;

import io.lingowire.article.ArticleDraft;
import io.lingowire.article.Block;
import io.lingowire.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LanguageDetectionTest {

    @Inject
    IngestService ingest;

    @ParameterizedTest
    @ValueSource(strings = {"en", "es", "fr", "ca", "ar", "fa", "ur", "ps"})
    void articleAndEveryParagraphGetTheirLanguage(String language) {
        ArticleDraft draft = FormatsTest.read(ingest, "languages/" + language + ".txt");
        assertEquals(language, draft.language(), "article language");
        assertTrue(draft.languageConfidence() >= 0.5, "confidence " + draft.languageConfidence());
        for (Block block : draft.blocks()) {
            assertEquals(language, block.language(), "block: " + block.text());
            assertTrue(block.languageConfidence() != null && block.languageConfidence() > 0, block.text());
        }
        assertEquals("Khaama Press", draft.chain().get(1).name(), "attribution read in " + language);
    }

    @Test
    void aQuotedParagraphInAnotherLanguageIsTaggedOnItsOwn() {
        ArticleDraft draft = FormatsTest.read(ingest, "languages/mixed-en-es.txt");
        assertEquals("en", draft.language());
        List<String> blockLanguages = draft.blocks().stream().map(Block::language).toList();
        assertTrue(blockLanguages.contains("es"), blockLanguages.toString());
        assertTrue(blockLanguages.stream().filter("en"::equals).count() >= 2, blockLanguages.toString());
    }

    @Test
    void aDeclaredLanguageIsKeptAndTheDisagreementRecorded() {
        byte[] persian = Api.fixture("languages/fa.txt");
        Api.asAdmin().contentType("text/plain; charset=utf-8").queryParam("language", "ar")
                .body(persian).post("/api/v1/articles").then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(200)))
                .body("language", equalTo("ar"))
                .body("declaredLanguage", equalTo("ar"))
                .body("detectedLanguage", equalTo("fa"))
                .body("languageConfidence", equalTo(null));
    }
}
