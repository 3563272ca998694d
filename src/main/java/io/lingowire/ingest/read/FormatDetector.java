package io.lingowire.ingest.read;

import io.lingowire.common.error.ApiProblem;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides what a document is from its bytes, and holds the uploader to what they declared: a declared type that
 * the bytes contradict is refused (415) rather than guessed around, and a type we do not read is named in the
 * refusal. Text formats are told apart by their root element or first character.
 */
public final class FormatDetector {

    static final Map<String, String> OFFICE_TYPES = Map.of(
            "application/pdf", "PDF",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX",
            "application/msword", "DOC",
            "application/vnd.oasis.opendocument.text", "ODT",
            "application/rtf", "RTF",
            "application/epub+zip", "EPUB");
    private static final Map<String, String> ALIASES = Map.of(
            "text/rtf", "application/rtf",
            "application/x-rtf", "application/rtf",
            "text/x-markdown", "text/markdown",
            "application/xhtml+xml", "text/html",
            "text/xml", "application/xml");
    private static final Set<String> ZIP_BASED = Set.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.oasis.opendocument.text", "application/epub+zip");
    private static final Set<String> GENERIC = Set.of("application/octet-stream", "binary/octet-stream",
            "application/x-www-form-urlencoded", "");
    private static final Set<String> TEXTUAL_DECLARED = Set.of("text/plain", "text/markdown", "text/html",
            "application/xml", "application/json", "application/nitf+xml", "application/rss+xml",
            "application/atom+xml", "application/ninjs+json", "application/vnd.iptc.g2.newsitem+xml",
            "application/vnd.iptc.g2.newsmessage+xml", "application/vnd.iptc.g2.packageitem+xml");
    public static final String SUPPORTED = "plain text, Markdown, HTML, DOCX, DOC, ODT, RTF, PDF, EPUB, NITF, "
            + "NewsML-G2, ninjs JSON, RSS, Atom";

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

    public InputFormat.Detected detect(byte[] bytes, String declaredContentType, String filename) {
        String declared = baseType(declaredContentType);
        String charset = parameter(declaredContentType, "charset");
        String magic = magic(bytes);
        // Bytes that are not valid text in any charset the detector knows still count as text when the uploader says
        // so: the decoder then names the bad byte instead of a vague "unsupported type".
        boolean magicIsText = magic.startsWith("text/") || magic.endsWith("+xml") || magic.equals("application/xml")
                || magic.equals("application/json")
                || magic.equals("application/octet-stream") && TEXTUAL_DECLARED.contains(declared);

        if (magic.equals("application/x-tika-ooxml-protected") || magic.equals("application/x-tika-ooxml-encrypted")) {
            throw TikaReader.encrypted("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        }
        if (OFFICE_TYPES.containsKey(magic)) {
            if (!GENERIC.contains(declared) && !declared.equals(magic)) {
                throw lying(declared, magic);
            }
            return new InputFormat.Detected(InputFormat.OFFICE, magic, null);
        }
        if (!magicIsText) {
            if (ZIP_BASED.contains(declared) && (magic.equals("application/zip") || magic.startsWith("application/x-tika"))) {
                throw ApiProblem.unreadable("corrupt-document", "The " + OFFICE_TYPES.get(declared)
                        + " document is damaged or truncated: its ZIP container cannot be read");
            }
            if (declared.equals("application/msword") && magic.startsWith("application/x-tika-msoffice")) {
                return new InputFormat.Detected(InputFormat.OFFICE, declared, null);
            }
            throw ApiProblem.unsupportedType("The content is " + magic + ", which is not a format this gateway "
                    + "reads. Supported: " + SUPPORTED);
        }
        if (OFFICE_TYPES.containsKey(declared)) {
            throw lying(declared, "text");
        }
        if (!GENERIC.contains(declared) && !TEXTUAL_DECLARED.contains(declared)) {
            throw ApiProblem.unsupportedType("The declared type " + declared + " is not one this gateway reads, "
                    + "and the content looks like text. Supported: " + SUPPORTED);
        }
        String type = GENERIC.contains(declared) ? magic : declared;
        return new InputFormat.Detected(textFormat(bytes, declared, filename),
                charset == null ? type : type + "; charset=" + charset.toLowerCase(Locale.ROOT), charset);
    }

    private InputFormat textFormat(byte[] bytes, String declared, String filename) {
        int first = firstSignificant(bytes);
        if (first < 0) {
            throw ApiProblem.unreadable("empty-document", "The document contains no text");
        }
        char c = (char) bytes[first];
        if (c == '{' || c == '[' || declared.endsWith("json")) {
            return InputFormat.NINJS;
        }
        String lowerName = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (c == '<') {
            String head = new String(bytes, first, Math.min(bytes.length - first, 1024), StandardCharsets.UTF_8)
                    .toLowerCase(Locale.ROOT);
            if (head.startsWith("<!doctype html") || head.startsWith("<html") || declared.equals("text/html")
                    || head.contains("<html")) {
                return InputFormat.HTML;
            }
            return xmlFormat(bytes);
        }
        if (declared.equals("text/markdown") || lowerName.endsWith(".md") || lowerName.endsWith(".markdown")) {
            return InputFormat.MARKDOWN;
        }
        if (declared.equals("text/html")) {
            return InputFormat.HTML;
        }
        return InputFormat.TEXT;
    }

    /** The root element names the news format; the rest of the document is read later, by the format's reader. */
    private InputFormat xmlFormat(byte[] bytes) {
        String root = rootElement(bytes);
        return switch (root) {
            case "nitf" -> InputFormat.NITF;
            case "newsItem", "newsMessage", "packageItem" -> InputFormat.NEWSML_G2;
            case "rss", "RDF" -> InputFormat.RSS;
            case "feed" -> InputFormat.ATOM;
            case "html" -> InputFormat.HTML;
            default -> throw ApiProblem.unsupportedType("XML with root element <" + root + "> is not a news "
                    + "format this gateway reads (NITF, NewsML-G2, RSS, Atom, XHTML)");
        };
    }

    private static String rootElement(byte[] bytes) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                        return reader.getLocalName();
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNumber() + ")";
            throw ApiProblem.unreadable("malformed-xml", "The XML is not well-formed" + where);
        }
        throw ApiProblem.unreadable("malformed-xml", "The XML has no root element");
    }

    /**
     * The type the bytes themselves announce. The common signatures are checked first, and text (no NUL bytes, few
     * control characters) is recognised without running Tika's hundreds of magic patterns; containers (ZIP, OLE2) and
     * everything else go to Tika's detectors.
     */
    private String magic(byte[] bytes) {
        if (startsWith(bytes, PDF)) {
            return "application/pdf";
        }
        if (startsWith(bytes, RTF)) {
            return "application/rtf";
        }
        if (!startsWith(bytes, ZIP) && !startsWith(bytes, OLE2) && looksLikeText(bytes)) {
            return "text/plain";
        }
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            MediaType type = detector.detect(in, new Metadata());
            String base = type.getBaseType().toString();
            return ALIASES.getOrDefault(base, base);
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RTF = "{\\rtf".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** No NUL in the first 8 KiB and under 2 % other control characters: text in some 8-bit or UTF-8 encoding. */
    static boolean looksLikeText(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return false;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) {
                control++;
            }
        }
        return control * 50 <= n;
    }

    private static ApiProblem lying(String declared, String actual) {
        return ApiProblem.unsupportedType("The declared type " + declared + " does not match the content, which is "
                + actual + "; send the right Content-Type or application/octet-stream to let the gateway detect it");
    }

    static String baseType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String base = (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).strip()
                .toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(base, base);
    }

    static String parameter(String contentType, String name) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2 && kv[0].strip().equalsIgnoreCase(name)) {
                return kv[1].strip().replace("\"", "");
            }
        }
        return null;
    }

    private static int firstSignificant(byte[] bytes) {
        int i = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                ? 3 : 0;
        for (; i < bytes.length; i++) {
            if (!Character.isWhitespace(bytes[i])) {
                return i;
            }
        }
        return -1;
    }
}
