package io.lingowire.syndication.feed.rest;

import io.lingowire.common.Hashing;
import io.lingowire.common.error.ApiProblem;
import io.lingowire.security.BearerTokenIdentityProvider;
import io.lingowire.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.lingowire.syndication.SyndicationConfig;
import io.lingowire.event.EventSignal;
import io.lingowire.syndication.feed.FeedService;
import io.lingowire.syndication.feed.PageCache;
import io.lingowire.syndication.format.LocalizedItem;
import io.lingowire.syndication.format.FeedPage;
import io.lingowire.syndication.format.Format;
import io.lingowire.syndication.format.FormatWriter;
import io.lingowire.syndication.partner.Partner;
import io.lingowire.syndication.partner.RateLimiter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The partner pull API: the feed (cursor, long-poll, language selection) and single items, in ninjs, RSS, Atom,
 * NewsML-G2 or NITF, each answer with a strong {@code ETag} so that {@code If-None-Match} gets a 304.
 */
@Path("/partner/v1")
@RolesAllowed(Role.PARTNER)
public class PartnerFeedResource {

    private final FeedService feed;
    private final RateLimiter limiter;
    private final SyndicationConfig config;
    private final PageCache cache;
    private final SecurityIdentity identity;
    private final EventSignal signal;
    private final Map<Format, FormatWriter> writers = new EnumMap<>(Format.class);

    PartnerFeedResource(FeedService feed, RateLimiter limiter, SyndicationConfig config,
                        PageCache cache, EventSignal signal, SecurityIdentity identity, Instance<FormatWriter> all) {
        this.identity = identity;
        this.cache = cache;
        this.signal = signal;
        this.feed = feed;
        this.limiter = limiter;
        this.config = config;
        all.forEach(w -> writers.put(w.format(), w));
    }

    @GET
    @Path("feed")
    @NonBlocking
    public Uni<Response> feed(@RestQuery String cursor, @RestQuery String lang,
                         @RestQuery Integer limit, @RestQuery Integer wait, @RestQuery String format,
                         @RestHeader(HttpHeaders.ACCEPT) String accept,
                         @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        // runs on the event loop: a page another request made is answered without a thread hop or a query
        Partner partner = partner();
        Format chosen = format(partner, format, accept);
        FormatWriter writer = writers.get(chosen);
        if (chosen == Format.NITF) {
            writer.page(null); // refuses with a problem that says what to do instead
        }
        List<String> languages = FeedService.languages(partner, lang);
        int size = limit == null ? config.defaultLimit() : limit;
        Duration hold = Duration.ofSeconds(wait == null ? 0 : wait);
        Supplier<PageCache.Rendered> make = () -> {
            long generation = signal.generation();
            FeedService.Page page = feed.page(partner, cursor, languages, size, hold);
            String self = feedUrl(cursor, lang, size, chosen);
            String next = feedUrl(page.next(), lang, size, chosen);
            Instant updated = page.items().stream().map(LocalizedItem::versionCreated).max(Instant::compareTo)
                    .orElse(Instant.EPOCH);
            byte[] body = writer.page(new FeedPage(partner.name, page.items(), page.next(), self, next, updated));
            return new PageCache.Rendered(body, etag(body), page.next(), generation, System.nanoTime());
        };
        // long-polls wait on their own; every other request shares the page with whoever asks the same
        Executor worker = Infrastructure.getDefaultWorkerPool();
        Uni<PageCache.Rendered> rendered = hold.isZero()
                ? Uni.createFrom().completionStage(cache.get(partner.id + "|" + partner.updatedAt + "|" + cursor
                + "|" + languages + "|" + size + "|" + chosen, make, worker))
                : Uni.createFrom().item(make).runSubscriptionOn(worker);
        return rendered.map(r -> answer(r.body(), r.etag(), chosen, ifNoneMatch)
                .header("Link", "<" + feedUrl(r.next(), lang, size, chosen) + ">; rel=\"next\"")
                .header("X-Next-Cursor", r.next())
                .build());
    }

    @GET
    @Path("items/{id}")
    @Blocking
    public Response item(@RestPath String id, @RestQuery String lang,
                         @RestQuery String format, @RestHeader(HttpHeaders.ACCEPT) String accept,
                         @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Partner partner = partner();
        Format chosen = format(partner, format, accept);
        byte[] body = writers.get(chosen).item(feed.item(partner, id, lang));
        return answer(body, etag(body), chosen, ifNoneMatch).build();
    }

    /** The partner the key belongs to (resolved with the key, see BearerTokenIdentityProvider), counted. */
    private Partner partner() {
        Partner partner = identity.getAttribute(BearerTokenIdentityProvider.PARTNER_ATTRIBUTE);
        if (partner == null) {
            throw ApiProblem.forbidden("not-a-partner", "The partner API takes a partner API key");
        }
        limiter.acquire(partner);
        return partner;
    }

    private static Format format(Partner partner, String format, String accept) {
        Format chosen = Format.negotiate(format, accept);
        if (partner.formats != null && !partner.formats.isEmpty() && !partner.formats.contains(chosen.id)) {
            throw ApiProblem.forbidden("format-not-entitled", "This partner takes " + partner.formats
                    + ", not " + chosen.id);
        }
        return chosen;
    }

    /** 200 with the body and its ETag, or 304 when the client already has exactly these bytes. */
    private static String etag(byte[] body) {
        return "\"" + Hashing.sha256Hex(body).substring(0, 32) + "\"";
    }

    private static Response.ResponseBuilder answer(byte[] body, String etag, Format format, String ifNoneMatch) {
        if (ifNoneMatch != null && (ifNoneMatch.strip().equals("*")
                || List.of(ifNoneMatch.split(",")).stream().map(String::strip)
                .anyMatch(t -> t.equals(etag) || t.equals("W/" + etag)))) {
            return Response.notModified().header(HttpHeaders.ETAG, etag);
        }
        return Response.ok(body, format.mediaType + (format == Format.NINJS ? "" : "; charset=utf-8"))
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .header(HttpHeaders.VARY, "Accept, Authorization, X-Api-Key");
    }

    private String feedUrl(String cursor, String lang, int limit, Format format) {
        StringBuilder url = new StringBuilder(config.publicUrl()).append("/partner/v1/feed?limit=").append(limit);
        if (cursor != null && !cursor.isBlank()) {
            url.append("&cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        if (lang != null && !lang.isBlank()) {
            url.append("&lang=").append(URLEncoder.encode(lang, StandardCharsets.UTF_8));
        }
        if (format != Format.NINJS) {
            url.append("&format=").append(format.id);
        }
        return url.toString();
    }
}
