package io.lingowire.syndication.format;

import io.lingowire.article.PubStatus;
import jakarta.enterprise.context.ApplicationScoped;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * NewsML-G2 2.35 newsItem (power conformance), and a newsMessage for a feed page. Lifecycle as IPTC maps it:
 * {@code stat:usable/withheld/canceled}, {@code embargoed}, {@code signal sig:correction} with a version bump, an
 * {@code edNote} for the receiving desk, and the translation link ({@code link} with {@code reluri} translationOf).
 * Roles that IPTC has no code for (originator, distributor, translating engine) use our own scheme, declared in the
 * item's catalog. Right-to-left content carries {@code dir="rtl"}.
 */
@ApplicationScoped
public class NewsMlG2Writer implements FormatWriter {

    static final String NS = "http://iptc.org/std/nar/2006-10-01/";
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    static final String SCHEME = "https://lingowire.io/cv/";
    static final String TRANSLATION_OF = SCHEME + "itemrelation/translationOf";

    @Override
    public OutputFormat format() {
        return OutputFormat.NEWSML_G2;
    }

    @Override
    public byte[] item(LocalizedItem item) {
        return Xml.document(out -> {
            out.setDefaultNamespace(NS);
            out.writeStartElement(NS, "newsItem");
            out.writeDefaultNamespace(NS);
            newsItem(out, item);
            out.writeEndElement();
        });
    }

    @Override
    public byte[] page(FeedPage page) {
        return Xml.document(out -> {
            out.setDefaultNamespace(NS);
            out.writeStartElement(NS, "newsMessage");
            out.writeDefaultNamespace(NS);
            out.writeStartElement("header");
            Xml.text(out, "sent", Xml.iso(page.updated()));
            Xml.text(out, "sender", "Lingowire");
            if (page.next() != null) {
                Xml.text(out, "transmitId", page.next());
            }
            out.writeEndElement();
            out.writeStartElement("itemSet");
            for (LocalizedItem item : page.items()) {
                out.writeStartElement("newsItem");
                newsItem(out, item);
                out.writeEndElement();
            }
            out.writeEndElement();
            out.writeEndElement();
        });
    }

    private static void newsItem(XMLStreamWriter out, LocalizedItem item) throws XMLStreamException {
        out.writeAttribute("guid", item.uri());
        out.writeAttribute("version", Integer.toString(item.version()));
        out.writeAttribute("standard", "NewsML-G2");
        out.writeAttribute("standardversion", "2.35");
        out.writeAttribute("conformance", "power");
        out.writeAttribute("xml", XML_NS, "lang", item.language());
        out.writeEmptyElement("catalogRef");
        out.writeAttribute("href", "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_36.xml");
        out.writeStartElement("catalog");
        out.writeEmptyElement("scheme");
        out.writeAttribute("alias", "lw");
        out.writeAttribute("uri", SCHEME);
        out.writeEndElement();
        if (item.credit() != null) {
            out.writeStartElement("rightsInfo");
            out.writeStartElement("copyrightHolder");
            out.writeAttribute("literal", item.originator() != null ? item.originator() : item.distributor());
            Xml.text(out, "name", item.originator() != null ? item.originator() : item.distributor());
            out.writeEndElement();
            Xml.text(out, "copyrightNotice", item.credit());
            out.writeEndElement();
        }
        out.writeStartElement("itemMeta");
        qcode(out, "itemClass", "ninat:text");
        out.writeEmptyElement("provider");
        out.writeAttribute("literal", "Lingowire");
        Xml.text(out, "versionCreated", Xml.iso(item.versionCreated()));
        Xml.text(out, "firstCreated", Xml.iso(item.firstCreated()));
        if (item.embargoUntil() != null) {
            Xml.text(out, "embargoed", Xml.iso(item.embargoUntil()));
        }
        qcode(out, "pubStatus", "stat:" + item.pubStatus().name());
        if (item.edNote() != null) {
            dirText(out, "edNote", item.edNote(), item);
        }
        if (item.correction()) {
            qcode(out, "signal", "sig:correction");
        }
        if (item.translationOf() != null) {
            out.writeEmptyElement("link");
            out.writeAttribute("reluri", TRANSLATION_OF);
            out.writeAttribute("residref", item.translationOf().uri());
            out.writeAttribute("version", Integer.toString(item.translationOf().version()));
        }
        for (var link : item.links().entrySet()) {
            out.writeEmptyElement("link");
            out.writeAttribute("rel", "irel:seeAlso");
            out.writeAttribute("href", link.getValue());
            out.writeAttribute("contenttype", OutputFormat.byName(link.getKey()).mediaType);
        }
        out.writeEndElement();

        out.writeStartElement("contentMeta");
        if (item.datelinePlace() != null) {
            out.writeStartElement("located");
            out.writeAttribute("type", "loctype:city");
            Xml.text(out, "name", item.datelinePlace());
            out.writeEndElement();
        }
        if (item.originator() != null) {
            infoSource(out, item.originator(), "lw:originator");
        }
        if (item.distributor() != null) {
            infoSource(out, item.distributor(), "lw:distributor");
        }
        if (item.machine() != null) {
            out.writeEmptyElement("contributor");
            out.writeAttribute("literal", item.machine().engine());
            out.writeAttribute("role", "lw:translator");
        }
        out.writeEmptyElement("language");
        out.writeAttribute("tag", item.language());
        if (item.keywords() != null) {
            for (String keyword : item.keywords()) {
                Xml.text(out, "keyword", keyword);
            }
        }
        dirText(out, "headline", item.title(), item);
        if (item.dateline() != null) {
            dirText(out, "dateline", item.dateline(), item);
        }
        if (item.byline() != null && item.pubStatus() == PubStatus.usable) {
            dirText(out, "by", item.byline(), item);
        }
        if (item.credit() != null) {
            dirText(out, "creditline", item.credit(), item);
        }
        if (item.disclosure() != null) {
            out.writeStartElement("description");
            out.writeAttribute("role", "lw:disclosure");
            out.writeAttribute("dir", item.rtl() ? "rtl" : "ltr");
            out.writeCharacters(item.disclosure());
            out.writeEndElement();
        }
        out.writeEndElement();

        out.writeStartElement("contentSet");
        out.writeStartElement("inlineXML");
        out.writeAttribute("contenttype", "application/xhtml+xml");
        out.writeStartElement("html");
        out.writeDefaultNamespace(XHTML);
        out.setDefaultNamespace(XHTML);
        out.writeAttribute("lang", item.language());
        out.writeAttribute("dir", item.rtl() ? "rtl" : "ltr");
        out.writeStartElement("head");
        Xml.text(out, "title", item.title());
        out.writeEndElement();
        out.writeStartElement("body");
        BodyMarkup.XHTML.write(out, item.body());
        out.writeEndElement();
        out.writeEndElement();
        out.setDefaultNamespace(NS);
        out.writeEndElement();
        out.writeEndElement();
    }

    private static void qcode(XMLStreamWriter out, String element, String qcode) throws XMLStreamException {
        out.writeEmptyElement(element);
        out.writeAttribute("qcode", qcode);
    }

    private static void infoSource(XMLStreamWriter out, String name, String role) throws XMLStreamException {
        out.writeStartElement("infoSource");
        out.writeAttribute("literal", name);
        out.writeAttribute("role", role);
        Xml.text(out, "name", name);
        out.writeEndElement();
    }

    private static void dirText(XMLStreamWriter out, String element, String text, LocalizedItem item)
            throws XMLStreamException {
        out.writeStartElement(element);
        if (item.rtl()) {
            out.writeAttribute("dir", "rtl");
        }
        out.writeCharacters(Xml.clean(text));
        out.writeEndElement();
    }
}
