package io.lingowire.syndication.format;

/** Renders items and feed pages in one format. Output is UTF-8 bytes, valid against the format's official schema. */
public interface FormatWriter {

    OutputFormat format();

    byte[] item(LocalizedItem item);

    /** A page of the feed; formats that describe a single document only refuse with a problem. */
    byte[] page(FeedPage page);
}
