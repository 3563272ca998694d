package io.lingowire.syndication.format;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** StAX plumbing shared by the XML writers: UTF-8 documents, XML-safe text, date forms. */
final class Xml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    static final DateTimeFormatter NITF_NORM = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Xml() {
    }

    @FunctionalInterface
    interface Body {
        void write(XMLStreamWriter out) throws XMLStreamException;
    }

    static byte[] document(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try {
            XMLStreamWriter out = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            out.writeStartDocument("UTF-8", "1.0");
            out.writeCharacters("\n");
            body.write(out);
            out.writeEndDocument();
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
        return bytes.toByteArray();
    }

    /** A fragment (no declaration) as a string, e.g. XHTML for a JSON body. */
    static String fragment(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try {
            XMLStreamWriter out = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            body.write(out);
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Drops characters XML 1.0 cannot carry (control characters other than tab and newlines). */
    static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
            if (bad && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!bad && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static void text(XMLStreamWriter out, String name, String text) throws XMLStreamException {
        BodyMarkup.element(out, name, text);
    }
}
