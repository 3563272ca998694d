package io.lingowire.ingest.read;

/** The document kinds the gateway reads, each with the media type it is stored under. */
public enum InputFormat {
    TEXT("text/plain"),
    MARKDOWN("text/markdown"),
    HTML("text/html"),
    NITF("application/nitf+xml"),
    NEWSML_G2("application/vnd.iptc.g2.newsitem+xml"),
    NINJS("application/ninjs+json"),
    RSS("application/rss+xml"),
    ATOM("application/atom+xml"),
    /** DOCX, DOC, ODT, RTF, PDF, EPUB through Tika; the exact type travels beside it. */
    OFFICE("application/octet-stream");

    public final String mediaType;

    InputFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** A detected format plus the concrete media type and charset that go with it. */
    public record Detected(InputFormat format, String mediaType, String charset) {
    }
}
