package io.lingowire.syndication.feed.rest;

import io.lingowire.common.error.ApiProblem;
import io.lingowire.syndication.SyndicationConfig;
import io.lingowire.syndication.feed.FeedService;
import io.lingowire.syndication.format.OutputFormat;
import io.lingowire.syndication.partner.Partner;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One partner's feed request, checked (format entitlement, language entitlement) and reduced to what picks the
 * page: the key under which its rendered page is cached and the links to it and to the next page. Both ways a feed
 * request is answered ({@link PartnerFeedResource} and {@link CachedFeedRoute}) build it here, so they can never
 * disagree on which page a request means.
 */
record FeedRequest(Partner partner, String cursor, String lang, List<String> languages, int size, OutputFormat format) {

    /** Throws the problem a partner gets for a format or language it is not entitled to, or an unknown one. */
    static FeedRequest of(Partner partner, String cursor, String lang, String limit, String format, String accept,
                          SyndicationConfig config) {
        return new FeedRequest(partner, cursor, lang, FeedService.languages(partner, lang),
                limit == null ? config.defaultLimit() : number("limit", limit), format(partner, format, accept));
    }

    /** A whole-number query parameter, or the 400 problem that names it. */
    static int number(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("invalid-" + name, "'" + name + "' must be a whole number, not '" + value + "'");
        }
    }

    static OutputFormat format(Partner partner, String format, String accept) {
        OutputFormat chosen = OutputFormat.negotiate(format, accept);
        if (partner.formats != null && !partner.formats.isEmpty() && !partner.formats.contains(chosen.id)) {
            throw ApiProblem.forbidden("format-not-entitled", "This partner takes " + partner.formats
                    + ", not " + chosen.id);
        }
        return chosen;
    }

    /** Same key, same page: the partner as last changed, where the page starts, which languages, how many, how. */
    String cacheKey() {
        return partner.id + "|" + partner.updatedAt + "|" + cursor + "|" + languages + "|" + size + "|" + format;
    }

    /** The address of this feed from {@code from} on, with this request's language, size and format. */
    String url(String publicUrl, String from) {
        StringBuilder url = new StringBuilder(publicUrl).append("/partner/v1/feed?limit=").append(size);
        if (from != null && !from.isBlank()) {
            url.append("&cursor=").append(URLEncoder.encode(from, StandardCharsets.UTF_8));
        }
        if (lang != null && !lang.isBlank()) {
            url.append("&lang=").append(URLEncoder.encode(lang, StandardCharsets.UTF_8));
        }
        if (format != OutputFormat.NINJS) {
            url.append("&format=").append(format.id);
        }
        return url.toString();
    }
}
