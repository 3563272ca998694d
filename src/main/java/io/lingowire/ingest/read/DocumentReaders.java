package io.lingowire.ingest.read;

import io.lingowire.common.error.ApiProblem;
import org.w3c.dom.Element;

import java.util.List;

/** Routes a detected document to the reader of its format. Stateless and thread-safe. */
public final class DocumentReaders {

    private final HtmlReader html = new HtmlReader();
    private final TextReader text = new TextReader();
    private final MarkdownReader markdown = new MarkdownReader(html);
    private final NitfReader nitf = new NitfReader();
    private final NewsMlG2Reader newsMl = new NewsMlG2Reader(nitf, text);
    private final NinjsReader ninjs = new NinjsReader(html, text);
    private final FeedReader feeds = new FeedReader(html, text);
    private final TikaReader tika = new TikaReader();

    public List<ExtractedItem> read(byte[] bytes, InputFormat.Detected detected, Limits limits) {
        return switch (detected.format()) {
            case TEXT -> List.of(text.read(TextDecoding.decode(bytes, detected.charset()), limits));
            case MARKDOWN -> List.of(markdown.read(TextDecoding.decode(bytes, detected.charset()), limits));
            case HTML -> List.of(html.readPage(TextDecoding.decode(bytes, detected.charset()), limits));
            case NINJS -> ninjs.read(bytes, limits);
            case NITF -> List.of(nitf.read(xmlRoot(bytes, limits), limits));
            case NEWSML_G2 -> newsMl.read(xmlRoot(bytes, limits), limits);
            case RSS, ATOM -> feeds.read(xmlRoot(bytes, limits), limits);
            case OFFICE -> List.of(tika.read(bytes, detected.mediaType(), limits));
        };
    }

    private static Element xmlRoot(byte[] bytes, Limits limits) {
        Element root = SecureXml.parse(bytes, limits.maxDepth()).getDocumentElement();
        int elements = root.getElementsByTagName("*").getLength();
        if (elements > limits.maxElements()) {
            throw ApiProblem.unreadable("too-many-elements",
                    "The XML has " + elements + " elements; at most " + limits.maxElements() + " are accepted");
        }
        return root;
    }

}
