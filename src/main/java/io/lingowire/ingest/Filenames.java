package io.lingowire.ingest;

import java.text.Normalizer;

/**
 * Client-supplied filenames are labels, never paths: directories, control and bidi-override characters are removed
 * and the length is bounded, keeping the extension. The result is only ever stored and echoed, not opened.
 */
public final class Filenames {

    private static final int MAX = 200;

    private Filenames() {
    }

    public static String sanitize(String raw) {
        if (raw == null) {
            return null;
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        name = name.replaceAll("[\\p{Cc}\\p{Cf}\\u2028\\u2029\"<>|*?:]", "").strip();
        name = name.replaceAll("^[.\\s]+", "");
        if (name.length() > MAX) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX - ext.length()) + ext;
        }
        return name.isEmpty() ? null : name;
    }
}
