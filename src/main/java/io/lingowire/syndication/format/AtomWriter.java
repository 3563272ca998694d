package io.lingowire.syndication.format;

import io.lingowire.article.PubStatus;
import jakarta.enterprise.context.ApplicationScoped;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.util.Map;

/**
 * Atom 1.0 (RFC 4287): each entry in its own {@code xml:lang}, XHTML content with {@code dir} for right-to-left
 * languages, {@code alternate} links with {@code hreflang} to the other language versions the partner may take.
 * Withheld and killed items become RFC 6721 tombstones ({@code at:deleted-entry}) so readers drop them.
 */
@ApplicationScoped
public class AtomWriter implements FormatWriter {

    static final String NS = "http://www.w3.org/2005/Atom";
    static final String TOMBSTONES = "http://purl.org/atompub/tombstones/1.0";
    static final String XHTML = "http://www.w3.org/1999/xhtml";

    @Override
    public OutputFormat format() {
        return OutputFormat.ATOM;
    }

    @Override
    public byte[] item(LocalizedItem item) {
        return Xml.document(out -> {
            out.setDefaultNamespace(NS);
            out.writeStartElement(NS, "entry");
            out.writeDefaultNamespace(NS);
            out.writeNamespace("at", TOMBSTONES);
            out.setPrefix("at", TOMBSTONES);
            entryBody(out, item);
            out.writeEndElement();
        });
    }

    @Override
    public byte[] page(FeedPage page) {
        return Xml.document(out -> {
            out.setDefaultNamespace(NS);
            out.writeStartElement(NS, "feed");
            out.writeDefaultNamespace(NS);
            out.writeNamespace("at", TOMBSTONES);
            out.setPrefix("at", TOMBSTONES);
            Xml.text(out, "id", page.selfUrl().replaceAll("[?&]cursor=[^&]*", ""));
            Xml.text(out, "title", "Lingowire – " + page.partnerName());
            Xml.text(out, "updated", Xml.iso(page.updated()));
            out.writeStartElement("author");
            Xml.text(out, "name", "Lingowire");
            out.writeEndElement();
            link(out, "self", page.selfUrl(), OutputFormat.ATOM.mediaType, null);
            if (page.nextUrl() != null) {
                link(out, "next", page.nextUrl(), OutputFormat.ATOM.mediaType, null);
            }
            for (LocalizedItem item : page.items()) {
                if (item.pubStatus() == PubStatus.usable) {
                    out.writeStartElement("entry");
                    entryBody(out, item);
                    out.writeEndElement();
                } else {
                    tombstone(out, item);
                }
            }
            out.writeEndElement();
        });
    }

    private static void entryBody(XMLStreamWriter out, LocalizedItem item) throws XMLStreamException {
        out.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", item.language());
        Xml.text(out, "id", item.uri());
        Xml.text(out, "title", item.title());
        Xml.text(out, "published", Xml.iso(item.firstCreated()));
        Xml.text(out, "updated", Xml.iso(item.versionCreated()));
        out.writeStartElement("author");
        Xml.text(out, "name", item.byline() != null ? item.byline()
                : item.originator() != null ? item.originator() : "Lingowire");
        out.writeEndElement();
        if (item.machine() != null) {
            out.writeStartElement("contributor");
            Xml.text(out, "name", item.machine().engine());
            out.writeEndElement();
        }
        link(out, "alternate", item.link(OutputFormat.NINJS), OutputFormat.NINJS.mediaType, item.language());
        link(out, "self", item.link(OutputFormat.ATOM), OutputFormat.ATOM.mediaType, null);
        for (Map.Entry<String, String> alternate : item.alternates().entrySet()) {
            link(out, "alternate", alternate.getValue(), OutputFormat.NINJS.mediaType, alternate.getKey());
        }
        if (item.keywords() != null) {
            for (String keyword : item.keywords()) {
                out.writeEmptyElement("category");
                out.writeAttribute("term", keyword);
            }
        }
        if (item.disclosure() != null) {
            Xml.text(out, "summary", item.disclosure());
        }
        out.writeStartElement("content");
        out.writeAttribute("type", "xhtml");
        out.writeStartElement("div");
        out.writeDefaultNamespace(XHTML);
        out.writeAttribute("dir", item.rtl() ? "rtl" : "ltr");
        out.setDefaultNamespace(XHTML);
        BodyMarkup.XHTML.write(out, item.body());
        out.writeEndElement();
        out.setDefaultNamespace(NS);
        out.writeEndElement();
        if (item.credit() != null) {
            Xml.text(out, "rights", item.credit());
        }
    }

    private static void tombstone(XMLStreamWriter out, LocalizedItem item) throws XMLStreamException {
        out.writeStartElement(TOMBSTONES, "deleted-entry");
        out.writeAttribute("ref", item.uri());
        out.writeAttribute("when", Xml.iso(item.versionCreated()));
        if (item.edNote() != null) {
            out.writeStartElement(TOMBSTONES, "comment");
            out.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", item.language());
            out.writeCharacters(item.edNote());
            out.writeEndElement();
        }
        out.writeEndElement();
    }

    private static void link(XMLStreamWriter out, String rel, String href, String type, String hreflang)
            throws XMLStreamException {
        out.writeEmptyElement("link");
        out.writeAttribute("rel", rel);
        out.writeAttribute("href", href);
        out.writeAttribute("type", type);
        if (hreflang != null) {
            out.writeAttribute("hreflang", hreflang);
        }
    }
}
