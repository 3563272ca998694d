package io.lingowire.ingest.read;

import io.lingowire.article.PubStatus;
import io.lingowire.article.SourceRef;
import org.w3c.dom.Element;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static io.lingowire.ingest.read.SecureXml.attr;
import static io.lingowire.ingest.read.SecureXml.child;
import static io.lingowire.ingest.read.SecureXml.children;
import static io.lingowire.ingest.read.SecureXml.path;
import static io.lingowire.ingest.read.SecureXml.text;

/** NITF 3.x, with or without the 2006 namespace: metadata from head/docdata and body.head, blocks from body.content. */
public final class NitfReader {

    public ExtractedItem read(Element nitf, Limits limits) {
        ExtractedItem item = new ExtractedItem();
        Element head = child(nitf, "head");
        Element body = child(nitf, "body");
        Element docdata = child(head, "docdata");
        item.guid = attr(child(docdata, "doc-id"), "id-string");
        item.publishedAt = Dates.parse(attr(child(docdata, "date.issue"), "norm"));
        item.embargoUntil = Dates.parse(attr(child(docdata, "date.release"), "norm"));
        item.pubStatus = PubStatus.parse(attr(docdata, "management-status"));
        if ("embargoed".equals(attr(docdata, "management-status")) && item.embargoUntil == null) {
            item.pubStatus = PubStatus.withheld;
        }
        for (Element keyList : children(docdata, "key-list")) {
            for (Element keyword : children(keyList, "keyword")) {
                item.addKeyword(attr(keyword, "key"));
            }
        }
        item.language = Values.first(attr(nitf, "xml:lang"), nitf.getAttributeNS(
                "http://www.w3.org/XML/1998/namespace", "lang"), attr(body, "xml:lang"));
        Element bodyHead = child(body, "body.head");
        item.title = Values.first(text(path(bodyHead, "hedline", "hl1")), text(child(head, "title")));
        String byline = text(child(bodyHead, "byline"));
        item.byline = byline;
        Element dateline = child(bodyHead, "dateline");
        if (dateline != null) {
            item.datelineText = text(dateline);
            item.datelinePlace = Values.first(text(path(dateline, "location", "city")), text(child(dateline, "location")));
            var storyDate = Dates.parse(attr(child(dateline, "story.date"), "norm"));
            item.datelineDate = storyDate == null ? null : LocalDate.ofInstant(storyDate, ZoneOffset.UTC);
        }
        item.addSource(text(child(bodyHead, "distributor")), SourceRef.DISTRIBUTOR);
        Element copyright = child(docdata, "doc.copyright");
        item.addSource(attr(copyright, "holder"), SourceRef.ORIGINATOR);
        Element content = child(body, "body.content");
        if (content != null) {
            BlockAssembler assembler = limits.assembler();
            Walkers.walk(content, assembler);
            item.blocks = assembler.finish();
        }
        return item;
    }

}
