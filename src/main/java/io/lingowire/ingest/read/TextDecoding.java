package io.lingowire.ingest.read;

import io.lingowire.common.error.ApiProblem;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Bytes to text for the text formats. A declared charset is held to: bytes that are not valid in it are refused
 * with the offset of the first bad byte, rather than silently turned into replacement characters. Without a
 * declaration, valid UTF-8 is taken as UTF-8 and anything else goes to charset detection.
 */
public final class TextDecoding {

    private TextDecoding() {
    }

    public static String decode(byte[] bytes, String declaredCharset) {
        int offset = hasUtf8Bom(bytes) ? 3 : 0;
        if (declaredCharset != null) {
            return strict(bytes, offset, charset(declaredCharset));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException notUtf8) {
            CharsetDetector detector = new CharsetDetector();
            detector.setText(bytes);
            CharsetMatch match = detector.detect();
            if (match == null || match.getConfidence() < 20 || match.getName().toUpperCase().startsWith("UTF-8")) {
                throw invalid(bytes, offset, StandardCharsets.UTF_8);
            }
            return strict(bytes, 0, charset(match.getName()));
        }
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name.strip().replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ApiProblem.unsupportedType("The declared charset '" + name + "' is not one this server knows");
        }
    }

    private static String strict(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw invalid(bytes, offset, charset);
        }
    }

    private static ApiProblem invalid(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        String where = result.isError() ? " at byte offset " + in.position() : "";
        return ApiProblem.unreadable("invalid-encoding",
                "The text is not valid " + charset.name() + where);
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }
}
