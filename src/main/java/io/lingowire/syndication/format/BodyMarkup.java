package io.lingowire.syndication.format;

import io.lingowire.article.Block;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.util.List;

/**
 * Writes article blocks as markup into an XML stream, in the element vocabulary of the target: XHTML (ninjs bodies,
 * Atom, RSS, NewsML-G2 inlineXML) or NITF's body.content. Headings, paragraphs, quotes, lists and tables keep their
 * structure in every format.
 */
public enum BodyMarkup {
    XHTML("h2", "blockquote", null),
    NITF("hl2", "bq", "block");

    private final String heading;
    private final String quote;
    private final String quoteInner;

    BodyMarkup(String heading, String quote, String quoteInner) {
        this.heading = heading;
        this.quote = quote;
        this.quoteInner = quoteInner;
    }

    /** Writes the blocks as elements in the writer's current default namespace. */
    public void write(XMLStreamWriter out, List<Block> blocks) throws XMLStreamException {
        for (Block block : blocks) {
            switch (block.type()) {
                case Block.HEADING -> element(out, heading, block.text());
                case Block.QUOTE -> {
                    out.writeStartElement(quote);
                    if (quoteInner != null) {
                        out.writeStartElement(quoteInner);
                    }
                    element(out, "p", block.text());
                    if (quoteInner != null) {
                        out.writeEndElement();
                    }
                    out.writeEndElement();
                }
                case Block.LIST -> {
                    out.writeStartElement("ul");
                    for (String item : block.items() != null ? block.items() : List.of(block.text().split("\n"))) {
                        element(out, "li", item);
                    }
                    out.writeEndElement();
                }
                case Block.TABLE -> {
                    if (block.rows() == null) {
                        element(out, "p", block.text());
                        continue;
                    }
                    out.writeStartElement("table");
                    for (List<String> row : block.rows()) {
                        out.writeStartElement("tr");
                        for (String cell : row) {
                            element(out, "td", cell);
                        }
                        out.writeEndElement();
                    }
                    out.writeEndElement();
                }
                default -> element(out, "p", block.text());
            }
        }
    }

    static void element(XMLStreamWriter out, String name, String text) throws XMLStreamException {
        out.writeStartElement(name);
        out.writeCharacters(text == null ? "" : Xml.clean(text));
        out.writeEndElement();
    }
}
