package io.lingowire.syndication.format;

import java.time.Instant;
import java.util.List;

/**
 * One page of a partner's feed: the items in feed order, the cursor to ask for next (also on an empty page), and
 * the URLs of this page and the next, for the formats that link them.
 */
public record FeedPage(String partnerName, List<LocalizedItem> items, String next, String selfUrl, String nextUrl,
                       Instant updated) {
}
