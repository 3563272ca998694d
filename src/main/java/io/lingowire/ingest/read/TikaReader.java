package io.lingowire.ingest.read;

import io.lingowire.common.error.ApiProblem;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Office and publishing formats through Apache Tika: DOCX, DOC, ODT, RTF, PDF, EPUB. Tika's XHTML events go straight
 * into the {@link BlockAssembler}, so headings, quotes, lists and tables keep their shape. Embedded documents are not
 * followed, and a document that expands past the text limit is stopped as it is parsed.
 */
public final class TikaReader {

    private static final byte[] PDF_EOF = "%%EOF".getBytes(StandardCharsets.US_ASCII);

    /**
     * The format detector has already settled the type (and looked inside containers to do so); Tika is told to
     * trust it rather than run its magic and container detectors over the same bytes again.
     */
    private static final Detector TIKA = TikaConfig.getDefaultConfig().getDetector();
    private static final Detector DECIDED = (in, metadata) -> {
        String decided = metadata.get(Metadata.CONTENT_TYPE);
        // parts inside a container (the XML files of an ODT) come without a type and are detected as usual
        return decided == null ? TIKA.detect(in, metadata) : MediaType.parse(decided);
    };

    private final Parser parser = new AutoDetectParser(DECIDED);

    public ExtractedItem read(byte[] bytes, String mediaType, Limits limits) {
        if (mediaType.equals("application/pdf") && !hasPdfTrailer(bytes)) {
            throw ApiProblem.unreadable("truncated-document",
                    "The PDF is truncated: it has no %%EOF end-of-file marker");
        }
        ExtractedItem item = parse(bytes, mediaType, limits);
        if (mediaType.equals("application/pdf") && RightToLeft.mostly(item.blocks)) {
            item.blocks = RightToLeft.pdfBlocks(bytes, limits);
        }
        return item;
    }

    private ExtractedItem parse(byte[] bytes, String mediaType, Limits limits) {
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, mediaType);
        ParseContext context = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setExtractInlineImages(false);
        pdf.setExtractAnnotationText(false);
        context.set(PDFParserConfig.class, pdf);
        BlockAssembler assembler = limits.assembler();
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            parser.parse(in, Walkers.sax(assembler), metadata, context);
        } catch (EncryptedDocumentException e) {
            throw encrypted(mediaType);
        } catch (TikaException | SAXException | IOException | RuntimeException e) {
            throw failure(e, mediaType);
        }
        ExtractedItem item = new ExtractedItem();
        item.blocks = assembler.finish();
        item.title = metadata.get(TikaCoreProperties.TITLE);
        String creator = metadata.get(TikaCoreProperties.CREATOR);
        item.byline = creator == null || creator.isBlank() ? null : creator;
        item.language = metadata.get(TikaCoreProperties.LANGUAGE);
        for (String keyword : metadata.getValues(Office.KEYWORDS)) {
            for (String k : keyword.split("\\s*[,;]\\s*")) {
                item.addKeyword(k);
            }
        }
        for (String subject : metadata.getValues(TikaCoreProperties.SUBJECT)) {
            for (String k : subject.split("\\s*[,;]\\s*")) {
                item.addKeyword(k);
            }
        }
        return item;
    }

    static ApiProblem encrypted(String mediaType) {
        return ApiProblem.unreadable("encrypted-document",
                "The " + label(mediaType) + " is encrypted or password-protected; upload it without protection");
    }

    /** Names what went wrong in terms of the document, never of the parser's internals. */
    private static RuntimeException failure(Throwable e, String mediaType) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BlockAssembler.TextLimitExceeded limit) {
                return ApiProblem.unreadable("text-limit-exceeded", "The " + label(mediaType)
                        + " expands to more than " + limit.limit + " characters of text (a zip bomb or a runaway "
                        + "document); split it or raise lingowire.ingest.max-text-chars");
            }
            if (t instanceof ApiProblem problem) {
                return problem;
            }
            if (t instanceof EncryptedDocumentException) {
                return encrypted(mediaType);
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb")) {
                return ApiProblem.unreadable("zip-bomb", "The " + label(mediaType)
                        + " decompresses to far more than it weighs (a zip bomb) and was refused");
            }
            if (message.contains("encrypt") || message.contains("password")) {
                return encrypted(mediaType);
            }
        }
        return ApiProblem.unreadable("corrupt-document", "The " + label(mediaType)
                + " could not be read: it is damaged, truncated or not what its type says");
    }

    static String label(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> "PDF";
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "DOCX document";
            case "application/msword" -> "DOC document";
            case "application/vnd.oasis.opendocument.text" -> "ODT document";
            case "application/rtf" -> "RTF document";
            case "application/epub+zip" -> "EPUB book";
            default -> mediaType + " document";
        };
    }

    private static boolean hasPdfTrailer(byte[] bytes) {
        int from = Math.max(0, bytes.length - 2048);
        byte[] tail = java.util.Arrays.copyOfRange(bytes, from, bytes.length);
        return SecureXml.indexOf(tail, PDF_EOF) >= 0;
    }
}
