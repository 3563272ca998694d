package io.lingowire.syndication.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lingowire.article.Block;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * IPTC ninjs 3.1: only properties the schema defines (no custom ones), absolute URIs, the source chain and the
 * translating engine in {@code infoSources}, machine translation declared in {@code digitalSourceType}, the
 * translation link in {@code associations} (rel {@code translationOf}), the body as XHTML with {@code lang} and
 * {@code dir} so right-to-left text is marked.
 */
@ApplicationScoped
public class NinjsWriter implements FormatWriter {

    static final String SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#";
    private static final String DIGITAL_SOURCE = "http://cv.iptc.org/newscodes/digitalsourcetype/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public OutputFormat format() {
        return OutputFormat.NINJS;
    }

    @Override
    public byte[] item(LocalizedItem item) {
        return bytes(node(item));
    }

    @Override
    public byte[] page(FeedPage page) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode items = root.putArray("items");
        page.items().forEach(i -> items.add(node(i)));
        root.put("next", page.next());
        ObjectNode links = root.putObject("links");
        links.put("self", page.selfUrl());
        links.put("next", page.nextUrl());
        return bytes(root);
    }

    ObjectNode node(LocalizedItem item) {
        ObjectNode n = JSON.createObjectNode();
        n.put("uri", item.uri());
        ObjectNode standard = n.putObject("standard");
        standard.put("name", "ninjs");
        standard.put("version", "3.1");
        standard.put("schema", SCHEMA);
        n.put("type", "text");
        n.put("representationType", "full");
        n.put("version", Integer.toString(item.version()));
        n.put("firstCreated", Xml.iso(item.firstCreated()));
        n.put("versionCreated", Xml.iso(item.versionCreated()));
        if (item.embargoUntil() != null) {
            n.put("embargoedUntil", Xml.iso(item.embargoUntil()));
        }
        n.put("pubStatus", item.pubStatus().name());
        n.put("language", item.language());
        if (item.edNote() != null) {
            n.put("edNote", item.edNote());
        }
        n.putArray("headlines").addObject().put("role", "main").put("value", item.title());
        if (item.byline() != null && !item.body().isEmpty()) {
            n.put("by", item.byline());
        }
        if (item.datelinePlace() != null) {
            n.put("located", item.datelinePlace());
        }
        if (!item.body().isEmpty()) {
            ObjectNode body = n.putArray("bodies").addObject();
            body.put("role", "main");
            body.put("contentType", "application/xhtml+xml");
            body.put("charCount", item.body().stream().mapToInt(b -> b.text() == null ? 0 : b.text().length()).sum());
            body.put("value", xhtml(item));
        }
        if (item.credit() != null) {
            n.put("copyrightHolder", item.originator() != null ? item.originator() : item.distributor());
            n.put("copyrightNotice", item.credit());
        }
        ArrayNode sources = n.putArray("infoSources");
        if (item.originator() != null) {
            sources.addObject().put("name", item.originator()).put("role", "originator");
        }
        if (item.distributor() != null) {
            sources.addObject().put("name", item.distributor()).put("role", "distributor");
        }
        if (item.machine() != null) {
            sources.addObject().put("name", item.machine().engine()).put("role", "translator");
            String code = item.machine().ruleBased() ? "algorithmicMedia" : "trainedAlgorithmicMedia";
            n.putObject("digitalSourceType").put("name", item.disclosure()).put("uri", DIGITAL_SOURCE + code);
            n.putArray("descriptions").addObject().put("role", "disclosure").put("value", item.disclosure());
        }
        if (sources.isEmpty()) {
            n.remove("infoSources");
        }
        if (item.keywords() != null && !item.keywords().isEmpty()) {
            ArrayNode subjects = n.putArray("subjects");
            item.keywords().forEach(k -> subjects.addObject().put("name", k));
        }
        n.putArray("altIds").addObject().put("role", "guid").put("value", item.guid());
        ArrayNode associations = n.putArray("associations");
        if (item.translationOf() != null) {
            associations.addObject().put("name", "source").put("rel", "translationOf")
                    .put("uri", item.translationOf().uri())
                    .put("version", Integer.toString(item.translationOf().version()))
                    .put("language", item.translationOf().language());
        }
        for (Map.Entry<String, String> alternate : item.alternates().entrySet()) {
            associations.addObject().put("name", "translation-" + alternate.getKey()).put("rel", "translation")
                    .put("uri", alternate.getValue()).put("language", alternate.getKey());
        }
        if (associations.isEmpty()) {
            n.remove("associations");
        }
        ArrayNode renditions = n.putArray("renditions");
        for (Map.Entry<String, String> link : item.links().entrySet()) {
            renditions.addObject().put("name", link.getKey()).put("href", link.getValue())
                    .put("contentType", OutputFormat.byName(link.getKey()).mediaType);
        }
        return n;
    }

    static String xhtml(LocalizedItem item) {
        return Xml.fragment(out -> {
            out.writeStartElement("div");
            out.writeDefaultNamespace("http://www.w3.org/1999/xhtml");
            out.writeAttribute("lang", item.language());
            out.writeAttribute("dir", item.rtl() ? "rtl" : "ltr");
            BodyMarkup.XHTML.write(out, item.body());
            out.writeEndElement();
        });
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write ninjs", e);
        }
    }
}
