package io.lingowire.ingest.read;

import io.lingowire.common.error.ApiProblem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * XML parsing for untrusted documents. Entity declarations are refused outright (that closes external entities
 * and entity-expansion bombs with a message that names them); external DTDs and schemas are never fetched, so the
 * common {@code <!DOCTYPE nitf SYSTEM "nitf-3-6.dtd">} header is fine; nesting depth is capped by the JDK parser.
 */
public final class SecureXml {

    private static final byte[] ENTITY = "<!ENTITY".getBytes(StandardCharsets.US_ASCII);
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private SecureXml() {
    }

    public static Document parse(byte[] bytes, int maxDepth) {
        refuseEntities(bytes);
        try {
            return builder(maxDepth).parse(new ByteArrayInputStream(bytes));
        } catch (SAXException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw ApiProblem.unreadable("malformed-xml", "The XML could not be read: " + e.getMessage());
        }
    }

    public static Document parse(String xml, int maxDepth) {
        refuseEntities(xml.getBytes(StandardCharsets.UTF_8));
        try {
            return builder(maxDepth).parse(new InputSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilder builder(int maxDepth) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", String.valueOf(maxDepth));
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a security feature", e);
        }
    }

    private static void refuseEntities(byte[] bytes) {
        if (indexOf(bytes, ENTITY) >= 0) {
            throw ApiProblem.unreadable("xml-entities-refused",
                    "XML entity declarations (<!ENTITY ...>) are refused: they are how external-entity and "
                            + "entity-expansion attacks work, and news formats do not need them");
        }
    }

    private static ApiProblem malformed(SAXException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("maxElementDepth")) {
            return ApiProblem.unreadable("nesting-too-deep", "The XML is nested too deeply: " + message
                    .replaceAll("^JAXP\\d+: ", ""));
        }
        String where = e instanceof SAXParseException p ? " (line " + p.getLineNumber() + ", column "
                + p.getColumnNumber() + ")" : "";
        return ApiProblem.unreadable("malformed-xml", "The XML is not well-formed" + where + ": " + message);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    // --- small DOM helpers shared by the news-format readers ---

    public static List<Element> children(Node parent, String localName) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(local(e))) {
                out.add(e);
            }
        }
        return out;
    }

    public static Element child(Node parent, String localName) {
        List<Element> all = children(parent, localName);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Follows a path of local names, first match at each step. */
    public static Element path(Node from, String... names) {
        Node current = from;
        for (String name : names) {
            current = child(current, name);
            if (current == null) {
                return null;
            }
        }
        return (Element) current;
    }

    public static String text(Node node) {
        return node == null ? null : emptyToNull(BlockAssembler.normalise(node.getTextContent()));
    }

    public static String attr(Element element, String name) {
        if (element == null) {
            return null;
        }
        return emptyToNull(element.getAttribute(name).strip());
    }

    public static List<Element> descendants(Element root, String localName) {
        List<Element> out = new ArrayList<>();
        var nodes = root.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    public static String local(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
