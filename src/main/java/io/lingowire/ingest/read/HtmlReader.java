package io.lingowire.ingest.read;

import io.lingowire.article.Block;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.util.Comparator;
import java.util.List;

/**
 * Web pages and HTML fragments. On a full page the story is found the way a reader's eye finds it: the
 * {@code <article>} (or {@code <main>}, or {@code itemprop=articleBody}) with the most text, without the
 * navigation, asides and footers around it.
 */
public final class HtmlReader {

    public ExtractedItem readPage(String html, Limits limits) {
        Document doc = Jsoup.parse(html);
        Walkers.checkLimits(doc, limits.maxDepth(), limits.maxElements());
        ExtractedItem item = new ExtractedItem();
        Element htmlElement = doc.selectFirst("html[lang]");
        item.language = htmlElement == null ? meta(doc, "meta[http-equiv=content-language]") : htmlElement.attr("lang");
        for (String keyword : split(meta(doc, "meta[name=keywords], meta[name=news_keywords]"))) {
            item.addKeyword(keyword);
        }
        item.publishedAt = Dates.parse(meta(doc, "meta[property=article:published_time], meta[name=date], "
                + "meta[itemprop=datePublished]"));
        item.sourceName = meta(doc, "meta[property=og:site_name]");
        Element root = contentRoot(doc);
        Element h1 = root.selectFirst("h1");
        item.title = h1 != null ? BlockAssembler.normalise(h1.text())
                : firstNonBlank(meta(doc, "meta[property=og:title]"), doc.title());
        Element byline = root.selectFirst(".byline, [rel=author], [itemprop=author], .author, address");
        if (byline != null && byline.text().length() < 200) {
            item.byline = BlockAssembler.normalise(byline.text());
            byline.remove();
        } else {
            item.byline = meta(doc, "meta[name=author]");
        }
        Element time = root.selectFirst("time[datetime]");
        if (time != null) {
            if (item.publishedAt == null) {
                item.publishedAt = Dates.parse(time.attr("datetime"));
            }
            // a standalone publication stamp is page metadata, not a line of the story
            if (time.parent() == null || time.parent().text().strip().equals(time.text().strip())
                    || time.parent() == root) {
                time.remove();
            }
        }
        item.blocks = blocks(root, limits);
        return item;
    }

    /** Blocks of an HTML fragment (Markdown output, a feed entry's content, a ninjs body). */
    public List<Block> readFragment(String html, Limits limits) {
        Document doc = Jsoup.parseBodyFragment(html);
        Walkers.checkLimits(doc, limits.maxDepth(), limits.maxElements());
        return blocks(doc.body(), limits);
    }

    private static List<Block> blocks(Element root, Limits limits) {
        BlockAssembler assembler = limits.assembler();
        Walkers.walk(root, assembler);
        return assembler.finish();
    }

    private static Element contentRoot(Document doc) {
        for (String selector : List.of("[itemprop=articleBody]", "article", "main", "[role=main]")) {
            Elements candidates = doc.select(selector);
            if (!candidates.isEmpty()) {
                Element best = candidates.stream()
                        .max(Comparator.comparingInt(e -> e.text().length()))
                        .orElseThrow();
                if (best.text().length() > 200) {
                    // the story's own headline often sits just above the article element
                    if (best.selectFirst("h1") == null && doc.select("h1").size() == 1) {
                        best.prependChild(doc.selectFirst("h1").clone());
                    }
                    return best;
                }
            }
        }
        return doc.body();
    }

    private static String meta(Document doc, String selector) {
        Element element = doc.selectFirst(selector);
        return element == null ? null : SecureXml.emptyToNull(element.attr("content").strip());
    }

    private static List<String> split(String commaSeparated) {
        return commaSeparated == null ? List.of() : List.of(commaSeparated.split("\\s*,\\s*"));
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : (b == null || b.isBlank() ? null : b.strip());
    }
}
