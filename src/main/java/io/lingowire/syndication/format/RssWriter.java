package io.lingowire.syndication.format;

import io.lingowire.article.PubStatus;
import jakarta.enterprise.context.ApplicationScoped;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * RSS 2.0 with the Atom namespace for {@code self}/{@code next} links and Dublin Core for per-item language and
 * byline. RSS has no way to retract an item: withheld and killed items are left out of the channel (partners on RSS
 * learn of kills from the ninjs feed or a webhook). A machine translation's disclosure leads its description.
 */
@ApplicationScoped
public class RssWriter implements FormatWriter {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String DC = "http://purl.org/dc/elements/1.1/";

    @Override
    public OutputFormat format() {
        return OutputFormat.RSS;
    }

    @Override
    public byte[] item(LocalizedItem item) {
        return Xml.document(out -> channel(out, item.title(), item.link(OutputFormat.RSS), null, item.versionCreated(),
                new LocalizedItem[]{item}));
    }

    @Override
    public byte[] page(FeedPage page) {
        return Xml.document(out -> channel(out, "Lingowire – " + page.partnerName(), page.selfUrl(), page.nextUrl(),
                page.updated(), page.items().toArray(LocalizedItem[]::new)));
    }

    private static void channel(XMLStreamWriter out, String title, String self, String next, java.time.Instant updated,
                                LocalizedItem[] items) throws XMLStreamException {
        out.writeStartElement("rss");
        out.writeAttribute("version", "2.0");
        out.writeNamespace("atom", ATOM);
        out.writeNamespace("dc", DC);
        out.setPrefix("atom", ATOM);
        out.setPrefix("dc", DC);
        out.writeStartElement("channel");
        Xml.text(out, "title", title);
        Xml.text(out, "link", self);
        Xml.text(out, "description", "Localized news from Lingowire");
        Xml.text(out, "lastBuildDate", Xml.RFC_822.format(updated));
        Xml.text(out, "generator", "Lingowire");
        link(out, "self", self);
        if (next != null) {
            link(out, "next", next);
        }
        for (LocalizedItem item : items) {
            if (item.pubStatus() != PubStatus.usable) {
                continue;
            }
            out.writeStartElement("item");
            Xml.text(out, "title", item.title());
            Xml.text(out, "link", item.link(OutputFormat.NINJS));
            StringBuilder html = new StringBuilder();
            if (item.disclosure() != null) {
                html.append("<p><em>").append(escape(item.disclosure())).append("</em></p>");
            }
            html.append(NinjsWriter.xhtml(item));
            Xml.text(out, "description", html.toString());
            out.writeStartElement("guid");
            out.writeAttribute("isPermaLink", "false");
            out.writeCharacters(item.uri() + ":v" + item.version());
            out.writeEndElement();
            Xml.text(out, "pubDate", Xml.RFC_822.format(item.versionCreated()));
            if (item.keywords() != null) {
                for (String keyword : item.keywords()) {
                    Xml.text(out, "category", keyword);
                }
            }
            if (item.credit() != null) {
                out.writeStartElement("source");
                out.writeAttribute("url", item.link(OutputFormat.RSS));
                out.writeCharacters(item.credit());
                out.writeEndElement();
            }
            out.writeStartElement(DC, "language");
            out.writeCharacters(item.language());
            out.writeEndElement();
            if (item.byline() != null) {
                out.writeStartElement(DC, "creator");
                out.writeCharacters(Xml.clean(item.byline()));
                out.writeEndElement();
            }
            out.writeEndElement();
        }
        out.writeEndElement();
        out.writeEndElement();
    }

    private static void link(XMLStreamWriter out, String rel, String href) throws XMLStreamException {
        out.writeEmptyElement(ATOM, "link");
        out.writeAttribute("rel", rel);
        out.writeAttribute("href", href);
        out.writeAttribute("type", OutputFormat.RSS.mediaType);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
