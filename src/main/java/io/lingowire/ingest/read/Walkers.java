package io.lingowire.ingest.read;

import io.lingowire.common.error.ApiProblem;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/** Feeds a {@link BlockAssembler} from the three tree shapes readers meet: jsoup, W3C DOM and SAX. All iterative. */
public final class Walkers {

    private Walkers() {
    }

    /** Walks a jsoup subtree (HTML, or XML read with jsoup's XML parser). */
    public static void walk(Node root, BlockAssembler assembler) {
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element element) {
                    assembler.open(element.tagName());
                } else if (node instanceof TextNode textNode) {
                    assembler.text(textNode.getWholeText());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    assembler.close(element.tagName());
                }
            }
        }, root);
    }

    /** Walks a W3C DOM subtree without recursion. */
    public static void walk(org.w3c.dom.Node root, BlockAssembler assembler) {
        org.w3c.dom.Node node = root;
        while (node != null) {
            enter(node, assembler);
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != null) {
                leave(node, assembler);
                if (node == root) {
                    return;
                }
                if (node.getNextSibling() != null) {
                    node = node.getNextSibling();
                    break;
                }
                node = node.getParentNode();
            }
        }
    }

    private static void enter(org.w3c.dom.Node node, BlockAssembler assembler) {
        switch (node.getNodeType()) {
            case org.w3c.dom.Node.ELEMENT_NODE -> assembler.open(localName(node));
            case org.w3c.dom.Node.TEXT_NODE, org.w3c.dom.Node.CDATA_SECTION_NODE -> assembler.text(node.getNodeValue());
            default -> {
            }
        }
    }

    private static void leave(org.w3c.dom.Node node, BlockAssembler assembler) {
        if (node.getNodeType() == org.w3c.dom.Node.ELEMENT_NODE) {
            assembler.close(localName(node));
        }
    }

    private static String localName(org.w3c.dom.Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    /** Checks a jsoup tree against the nesting and size limits before anything walks it. */
    public static void checkLimits(Node root, int maxDepth, int maxElements) {
        int[] count = {0};
        NodeTraversor.traverse((node, depth) -> {
            if (depth > maxDepth) {
                throw ApiProblem.unreadable("nesting-too-deep",
                        "The markup is nested deeper than " + maxDepth + " levels");
            }
            if (node instanceof Element && ++count[0] > maxElements) {
                throw ApiProblem.unreadable("too-many-elements",
                        "The markup has more than " + maxElements + " elements");
            }
        }, root);
    }

    /**
     * A SAX handler for Tika's XHTML output. Documents embedded in the one being read ({@code <div
     * class="package-entry">}: an EPUB's navigation page, an object inside an office file) are not the story and are
     * left out.
     */
    public static DefaultHandler sax(BlockAssembler assembler) {
        return new DefaultHandler() {
            /** Elements open inside a skipped package entry, the entry's own div included; 0 when reading. */
            private int skipping;

            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                String name = localName.isEmpty() ? qName : localName;
                if (skipping > 0) {
                    skipping++;
                } else if (name.equals("div") && "package-entry".equals(attributes.getValue("class"))) {
                    skipping = 1;
                } else {
                    assembler.open(name);
                }
            }

            @Override
            public void endElement(String uri, String localName, String qName) {
                if (skipping > 0) {
                    skipping--;
                    return;
                }
                assembler.close(localName.isEmpty() ? qName : localName);
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (skipping == 0) {
                    assembler.text(new String(ch, start, length));
                }
            }

            @Override
            public void ignorableWhitespace(char[] ch, int start, int length) {
                if (skipping == 0) {
                    assembler.text(new String(ch, start, length));
                }
            }
        };
    }
}
