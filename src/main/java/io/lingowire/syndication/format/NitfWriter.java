package io.lingowire.syndication.format;

import io.lingowire.article.PubStatus;
import io.lingowire.common.error.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.time.format.DateTimeFormatter;

/**
 * NITF 3.6: {@code docdata} carries the lifecycle ({@code management-status} usable, embargoed, withheld or
 * canceled; {@code date.release} for an embargo; {@code du-key} with the version so corrections replace earlier
 * copies; {@code ed-msg} for the desk), the body keeps headings, quotes, lists and tables, and the disclosure of a
 * machine translation closes the story as its tagline. NITF describes one document, so it has no feed form.
 */
@ApplicationScoped
public class NitfWriter implements FormatWriter {

    static final String NS = "http://iptc.org/std/NITF/2006-10-18/";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    @Override
    public OutputFormat format() {
        return OutputFormat.NITF;
    }

    @Override
    public byte[] page(FeedPage page) {
        throw ApiProblem.badRequest("single-document-format",
                "NITF describes one document; take the feed as ninjs, rss, atom or newsml-g2 and fetch items as nitf");
    }

    @Override
    public byte[] item(LocalizedItem item) {
        return Xml.document(out -> {
            out.setDefaultNamespace(NS);
            out.writeStartElement(NS, "nitf");
            out.writeDefaultNamespace(NS);
            out.writeAttribute("version", "-//IPTC//DTD NITF 3.6//EN");
            out.writeAttribute("xml", NewsMlG2Writer.XML_NS, "lang", item.language());
            out.writeStartElement("head");
            Xml.text(out, "title", item.title());
            docdata(out, item);
            out.writeEndElement();
            out.writeStartElement("body");
            out.writeStartElement("body.head");
            out.writeStartElement("hedline");
            Xml.text(out, "hl1", item.title());
            out.writeEndElement();
            if (item.byline() != null && item.pubStatus() == PubStatus.usable) {
                Xml.text(out, "byline", item.byline());
            }
            if (item.distributor() != null) {
                Xml.text(out, "distributor", item.distributor());
            }
            if (item.datelinePlace() != null || item.datelineDate() != null) {
                out.writeStartElement("dateline");
                if (item.datelinePlace() != null) {
                    Xml.text(out, "location", item.datelinePlace());
                }
                if (item.datelineDate() != null) {
                    out.writeStartElement("story.date");
                    out.writeAttribute("norm", DAY.format(item.datelineDate()) + "T000000Z");
                    out.writeCharacters(item.dateline() != null ? item.dateline() : item.datelineDate().toString());
                    out.writeEndElement();
                }
                out.writeEndElement();
            }
            out.writeEndElement();
            out.writeStartElement("body.content");
            BodyMarkup.NITF.write(out, item.body());
            out.writeEndElement();
            if (item.disclosure() != null || item.credit() != null) {
                out.writeStartElement("body.end");
                Xml.text(out, "tagline", item.disclosure() != null ? item.disclosure() : item.credit());
                out.writeEndElement();
            }
            out.writeEndElement();
            out.writeEndElement();
        });
    }

    private static void docdata(XMLStreamWriter out, LocalizedItem item) throws XMLStreamException {
        out.writeStartElement("docdata");
        String status = item.pubStatus() != PubStatus.usable ? item.pubStatus().name()
                : item.embargoUntil() != null ? "embargoed" : "usable";
        out.writeAttribute("management-status", status);
        if (item.translationOf() != null) {
            out.writeAttribute("management-doc-idref", item.translationOf().uri());
        }
        out.writeEmptyElement("doc-id");
        out.writeAttribute("id-string", item.uri());
        out.writeAttribute("regsrc", "Lingowire");
        out.writeEmptyElement("date.issue");
        out.writeAttribute("norm", Xml.NITF_NORM.format(item.versionCreated()));
        if (item.embargoUntil() != null) {
            out.writeEmptyElement("date.release");
            out.writeAttribute("norm", Xml.NITF_NORM.format(item.embargoUntil()));
        }
        if (item.edNote() != null) {
            out.writeEmptyElement("ed-msg");
            out.writeAttribute("info", item.edNote());
        }
        out.writeEmptyElement("du-key");
        out.writeAttribute("key", item.uri());
        out.writeAttribute("version", Integer.toString(item.version()));
        if (item.credit() != null) {
            out.writeEmptyElement("doc.copyright");
            out.writeAttribute("holder", item.originator() != null ? item.originator() : item.distributor());
        }
        out.writeEndElement();
    }
}
