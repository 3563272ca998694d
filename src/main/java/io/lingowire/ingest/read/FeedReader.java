package io.lingowire.ingest.read;

import io.lingowire.article.Block;
import io.lingowire.common.error.ApiProblem;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;

import static io.lingowire.ingest.read.SecureXml.attr;
import static io.lingowire.ingest.read.SecureXml.child;
import static io.lingowire.ingest.read.SecureXml.children;
import static io.lingowire.ingest.read.SecureXml.local;
import static io.lingowire.ingest.read.SecureXml.text;

/** RSS 2.0 (and RDF/RSS 1.0) and Atom 1.0 feed documents: every item or entry becomes an article. */
public final class FeedReader {

    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    private final HtmlReader html;
    private final TextReader text;

    public FeedReader(HtmlReader html, TextReader text) {
        this.html = html;
        this.text = text;
    }

    public List<ExtractedItem> read(Element root, Limits limits) {
        boolean atom = local(root).equals("feed");
        Element channel = atom ? root : child(root, "channel");
        List<Element> entries = atom ? children(root, "entry")
                : !children(channel, "item").isEmpty() ? children(channel, "item") : children(root, "item");
        if (entries.isEmpty()) {
            throw ApiProblem.unreadable("empty-feed", "The feed has no " + (atom ? "entries" : "items"));
        }
        limits.checkItems(entries.size());
        String feedLanguage = atom ? SecureXml.emptyToNull(root.getAttributeNS(XML_NS, "lang"))
                : text(child(channel, "language"));
        String feedTitle = text(child(channel, "title"));
        List<ExtractedItem> items = new ArrayList<>();
        for (Element entry : entries) {
            ExtractedItem item = atom ? atomEntry(entry, limits) : rssItem(entry, limits);
            if (item.language == null) {
                item.language = feedLanguage;
            }
            if (item.sourceName == null) {
                item.sourceName = feedTitle;
            }
            items.add(item);
        }
        return items;
    }

    private ExtractedItem rssItem(Element entry, Limits limits) {
        ExtractedItem item = new ExtractedItem();
        item.guid = Values.first(text(child(entry, "guid")), text(child(entry, "link")), attr(entry, "rdf:about"));
        item.title = text(child(entry, "title"));
        item.byline = Values.first(text(child(entry, "creator")), text(child(entry, "author")));
        item.publishedAt = Dates.parse(Values.first(text(child(entry, "pubDate")), text(child(entry, "date"))));
        item.language = text(child(entry, "language"));
        for (Element category : children(entry, "category")) {
            item.addKeyword(text(category));
        }
        for (Element subject : children(entry, "subject")) {
            item.addKeyword(text(subject));
        }
        Element source = child(entry, "source");
        item.sourceName = text(source);
        String body = Values.first(rawText(child(entry, "encoded")), rawText(child(entry, "description")));
        item.blocks = body == null ? List.of() : html.readFragment(body, limits);
        return item;
    }

    private ExtractedItem atomEntry(Element entry, Limits limits) {
        ExtractedItem item = new ExtractedItem();
        item.guid = text(child(entry, "id"));
        item.title = text(child(entry, "title"));
        item.byline = text(child(child(entry, "author"), "name"));
        item.publishedAt = Dates.parse(Values.first(text(child(entry, "published")), text(child(entry, "updated"))));
        item.language = SecureXml.emptyToNull(entry.getAttributeNS(XML_NS, "lang"));
        for (Element category : children(entry, "category")) {
            item.addKeyword(Values.first(attr(category, "label"), attr(category, "term")));
        }
        item.sourceName = text(child(child(entry, "source"), "title"));
        Element content = child(entry, "content") != null ? child(entry, "content") : child(entry, "summary");
        item.blocks = content == null ? List.of() : atomContent(content, limits);
        return item;
    }

    private List<Block> atomContent(Element content, Limits limits) {
        String type = attr(content, "type");
        if ("xhtml".equals(type)) {
            BlockAssembler assembler = limits.assembler();
            Walkers.walk(content, assembler);
            return assembler.finish();
        }
        if ("html".equals(type)) {
            return html.readFragment(content.getTextContent(), limits);
        }
        return text.blocks(content.getTextContent());
    }

    private static String rawText(Element element) {
        return element == null ? null : SecureXml.emptyToNull(element.getTextContent().strip());
    }

}
