package io.lingowire.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lingowire.article.ArticleDraft;
import io.lingowire.article.Block;
import io.lingowire.article.SourceRef;
import io.lingowire.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eight stories in six languages, each written as Markdown with a title block and rendered with pandoc and
 * LibreOffice (src/test/fixtures/render-stories.sh), read the way a wire editor reads them in every format: headline,
 * byline, dateline place and date, the attribution chain, the first body paragraph — and every format gives the
 * same paragraphs as the plain-text copy. Datelines open the story, follow a byline, follow a date header and a
 * kicker, or are absent; the right-to-left PDFs keep their words and digits in logical order.
 */
@QuarkusTest
class StoriesTest {

    private static final List<String> STORIES = List.of("en-harvest", "en-port", "es-ministros", "es-sequia",
            "fr-greve", "ar-khotta", "fa-barq", "ur-bijli");
    private static final List<String> FORMATS = List.of("txt", "html", "docx", "odt", "rtf", "pdf", "epub");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    IngestService ingest;

    static Stream<Arguments> renderings() {
        return STORIES.stream().flatMap(story -> FORMATS.stream().map(format -> Arguments.of(story, format)));
    }

    private ArticleDraft read(String story, String format) {
        String file = story + "." + format;
        byte[] bytes = Api.fixture("stories/" + file);
        IngestRequest request = new IngestRequest(bytes, null, file, null, null, List.of(), null, null, "test", null);
        List<ArticleDraft> drafts = ingest.extract(bytes, request, file).drafts();
        assertEquals(1, drafts.size(), file);
        return drafts.get(0);
    }

    private static String normal(String text) {
        return text == null ? null : text.replaceAll("[\\s\\u200e\\u200f]+", " ").strip();
    }

    private static List<String> paragraphs(ArticleDraft draft) {
        List<String> out = new ArrayList<>();
        for (Block block : draft.blocks()) {
            out.add(normal(block.text()));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("renderings")
    void readLikeAnEditor(String story, String format) throws IOException {
        JsonNode expect = JSON.readTree(Api.fixture("stories/" + story + ".expect.json"));
        ArticleDraft draft = read(story, format);
        String where = story + "." + format + " " + draft;
        assertEquals(expect.get("title").asText(), normal(draft.title()), where);
        // the plain-text copy has no title block: a byline that only the title block gives is not in it
        String byline = format.equals("txt") && expect.has("txtByline") ? text(expect, "txtByline")
                : text(expect, "byline");
        assertEquals(byline, normal(draft.byline()), where);
        assertEquals(text(expect, "place"), draft.datelinePlace(), where);
        assertEquals(text(expect, "date"), draft.datelineDate() == null ? null : draft.datelineDate().toString(),
                where);
        List<List<String>> chain = new ArrayList<>();
        for (SourceRef ref : draft.chain()) {
            chain.add(List.of(ref.name(), ref.role()));
        }
        List<List<String>> expectedChain = new ArrayList<>();
        expect.get("chain").forEach(ref -> expectedChain.add(List.of(ref.get(0).asText(), ref.get(1).asText())));
        assertEquals(expectedChain, chain, where);
        List<String> paragraphs = paragraphs(draft);
        assertTrue(paragraphs.get(0).startsWith(expect.get("first").asText()),
                "first paragraph of " + story + "." + format + ": " + paragraphs.get(0));
        assertEquals(expect.get("paragraphs").asInt(), paragraphs.size(), where + " " + paragraphs);
        String body = String.join("\n", paragraphs);
        assertFalse(body.contains("MENAFN") || body.contains(expect.get("title").asText()), where);
        if (!format.equals("txt")) {
            assertEquals(paragraphs(read(story, "txt")), paragraphs, story + "." + format + " against the TXT copy");
        }
    }

    private static String text(JsonNode node, String field) {
        return node.get(field) == null || node.get(field).isNull() ? null : node.get(field).asText();
    }
}
