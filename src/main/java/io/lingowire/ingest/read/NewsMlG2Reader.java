package io.lingowire.ingest.read;

import io.lingowire.article.Block;
import io.lingowire.article.PubStatus;
import io.lingowire.article.SourceRef;
import io.lingowire.common.error.ApiProblem;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.lingowire.ingest.read.SecureXml.attr;
import static io.lingowire.ingest.read.SecureXml.child;
import static io.lingowire.ingest.read.SecureXml.children;
import static io.lingowire.ingest.read.SecureXml.descendants;
import static io.lingowire.ingest.read.SecureXml.local;
import static io.lingowire.ingest.read.SecureXml.text;

/**
 * NewsML-G2 newsItems: alone, in a newsMessage, or beside a packageItem. Each newsItem with text content is one
 * article; content comes from inlineXML (NITF or XHTML) or inlineData (text).
 */
public final class NewsMlG2Reader {

    private final NitfReader nitf;
    private final TextReader text;

    public NewsMlG2Reader(NitfReader nitf, TextReader text) {
        this.nitf = nitf;
        this.text = text;
    }

    public List<ExtractedItem> read(Element root, Limits limits) {
        List<Element> newsItems = local(root).equals("newsItem") ? List.of(root) : descendants(root, "newsItem");
        if (newsItems.isEmpty()) {
            throw ApiProblem.unreadable("no-news-items", "The NewsML-G2 " + local(root)
                    + " carries no newsItem with content (a packageItem alone only references items)");
        }
        limits.checkItems(newsItems.size());
        List<ExtractedItem> items = new ArrayList<>();
        for (Element newsItem : newsItems) {
            items.add(readItem(newsItem, limits));
        }
        return items;
    }

    private ExtractedItem readItem(Element newsItem, Limits limits) {
        ExtractedItem item = new ExtractedItem();
        item.guid = attr(newsItem, "guid");
        Element itemMeta = child(newsItem, "itemMeta");
        Element contentMeta = child(newsItem, "contentMeta");
        item.pubStatus = PubStatus.parse(attr(child(itemMeta, "pubStatus"), "qcode"));
        item.embargoUntil = Dates.parse(text(child(itemMeta, "embargoed")));
        item.publishedAt = Dates.parse(firstText(itemMeta, "firstCreated", "versionCreated"));
        item.title = text(child(contentMeta, "headline"));
        item.byline = text(child(contentMeta, "by"));
        item.datelineText = text(child(contentMeta, "dateline"));
        item.datelinePlace = text(child(child(contentMeta, "located"), "name"));
        Element language = child(contentMeta, "language");
        item.language = language != null ? attr(language, "tag")
                : SecureXml.emptyToNull(newsItem.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
        for (Element keyword : children(contentMeta, "keyword")) {
            item.addKeyword(text(keyword));
        }
        for (Element subject : children(contentMeta, "subject")) {
            item.addKeyword(text(child(subject, "name")));
        }
        for (Element source : children(contentMeta, "infoSource")) {
            item.addSource(Values.first(text(child(source, "name")), attr(source, "literal")), role(attr(source, "role")));
        }
        String credit = text(child(contentMeta, "creditline"));
        item.sourceName = credit != null ? credit : text(child(child(itemMeta, "provider"), "name"));
        item.blocks = content(child(newsItem, "contentSet"), item, limits);
        return item;
    }

    private List<Block> content(Element contentSet, ExtractedItem item, Limits limits) {
        if (contentSet == null) {
            return List.of();
        }
        Element inlineXml = child(contentSet, "inlineXML");
        if (inlineXml != null) {
            Element nitfRoot = firstElement(inlineXml);
            if (nitfRoot != null && local(nitfRoot).equals("nitf")) {
                ExtractedItem inner = nitf.read(nitfRoot, limits);
                if (item.title == null) {
                    item.title = inner.title;
                }
                if (item.byline == null) {
                    item.byline = inner.byline;
                }
                return inner.blocks;
            }
            BlockAssembler assembler = limits.assembler();
            for (Node n = inlineXml.getFirstChild(); n != null; n = n.getNextSibling()) {
                Walkers.walk(n, assembler);
            }
            return assembler.finish();
        }
        Element inlineData = child(contentSet, "inlineData");
        return inlineData == null ? List.of() : text.blocks(inlineData.getTextContent());
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    /** IPTC information-source roles, whatever scheme alias carries them; a party with no role originated the item. */
    static String role(String qcode) {
        if (qcode == null) {
            return SourceRef.ORIGINATOR;
        }
        String r = qcode.toLowerCase(Locale.ROOT);
        if (r.contains("distrib") || r.contains("provider") || r.contains("syndicat")) {
            return SourceRef.DISTRIBUTOR;
        }
        if (r.contains("orig") || r.contains("creator") || r.contains("author")) {
            return SourceRef.ORIGINATOR;
        }
        return SourceRef.CITED;
    }

    private static String firstText(Element parent, String... names) {
        for (String name : names) {
            String value = text(child(parent, name));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

}
