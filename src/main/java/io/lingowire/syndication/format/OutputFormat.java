package io.lingowire.syndication.format;

import io.lingowire.common.error.ApiProblem;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The formats partners take, by the name used in {@code format=} and by the media type used in {@code Accept}. */
public enum OutputFormat {
    NINJS("ninjs", "application/json", "application/ninjs+json"),
    RSS("rss", "application/rss+xml"),
    ATOM("atom", "application/atom+xml"),
    NEWSML_G2("newsml-g2", "application/vnd.iptc.g2.newsitem+xml", "application/vnd.iptc.g2.newsmessage+xml"),
    NITF("nitf", "application/vnd.nitf+xml", "application/nitf+xml");

    public final String id;
    public final String mediaType;
    private final List<String> aliases;

    OutputFormat(String id, String mediaType, String... aliases) {
        this.id = id;
        this.mediaType = mediaType;
        this.aliases = List.of(aliases);
    }

    public static OutputFormat byName(String name) {
        return Arrays.stream(values()).filter(f -> f.id.equalsIgnoreCase(name.strip())).findFirst()
                .orElseThrow(() -> ApiProblem.badRequest("unknown-format", "'" + name + "' is not a format; use one of "
                        + Arrays.stream(values()).map(f -> f.id).toList()));
    }

    /** The format a request asks for: {@code format=} wins, then the first {@code Accept} type we serve, then ninjs. */
    public static OutputFormat negotiate(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return byName(format);
        }
        if (accept != null) {
            for (String part : accept.split(",")) {
                String type = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
                Optional<OutputFormat> match = Arrays.stream(values())
                        .filter(f -> f.mediaType.equals(type) || f.aliases.contains(type)).findFirst();
                if (match.isPresent()) {
                    return match.get();
                }
            }
        }
        return NINJS;
    }
}
