package io.lingowire.syndication.feed.rest;

import io.lingowire.common.error.ApiProblem;
import io.lingowire.security.KeyOwners;
import io.lingowire.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.lingowire.syndication.SyndicationConfig;
import io.lingowire.event.EventSignal;
import io.lingowire.syndication.feed.FeedMetrics;
import io.lingowire.syndication.feed.FeedService;
import io.lingowire.syndication.feed.PageCache;
import io.lingowire.syndication.format.LocalizedItem;
import io.lingowire.syndication.format.FeedPage;
import io.lingowire.syndication.format.OutputFormat;
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

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
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
    private final FeedMetrics metrics;
    private final Map<OutputFormat, FormatWriter> writers = new EnumMap<>(OutputFormat.class);

    PartnerFeedResource(FeedService feed, RateLimiter limiter, SyndicationConfig config,
                        PageCache cache, EventSignal signal, SecurityIdentity identity, Instance<FormatWriter> all,
                        FeedMetrics metrics) {
        this.metrics = metrics;
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
                         @RestQuery String limit, @RestQuery String wait, @RestQuery String format,
                         @RestHeader(HttpHeaders.ACCEPT) String accept,
                         @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        // runs on the event loop: a page another request made is answered without a thread hop or a query
        // (CachedFeedRoute answers most of those before they get here)
        FeedRequest request = FeedRequest.of(partner(), cursor, lang, limit, format, accept, config);
        FormatWriter writer = writers.get(request.format());
        if (request.format() == OutputFormat.NITF) {
            writer.page(null); // refuses with a problem that says what to do instead
        }
        Duration hold = Duration.ofSeconds(wait == null ? 0 : FeedRequest.number("wait", wait));
        Supplier<PageCache.Rendered> make = () -> {
            long generation = signal.generation();
            FeedService.Page page = feed.page(request.partner(), cursor, request.languages(), request.size(), hold);
            Instant updated = page.items().stream().map(LocalizedItem::versionCreated).max(Instant::compareTo)
                    .orElse(Instant.EPOCH);
            byte[] body = writer.page(new FeedPage(request.partner().name, page.items(), page.next(),
                    request.url(config.publicUrl(), cursor), request.url(config.publicUrl(), page.next()), updated));
            return new PageCache.Rendered(body, FeedAnswer.etag(body), page.next(), generation);
        };
        // long-polls wait on their own; every other request shares the page with whoever asks the same
        Executor worker = Infrastructure.getDefaultWorkerPool();
        Uni<PageCache.Rendered> rendered = hold.isZero()
                ? Uni.createFrom().completionStage(cache.get(request.cacheKey(), make, worker))
                : Uni.createFrom().item(make).runSubscriptionOn(worker);
        return rendered.map(r -> answer(false, r.body(), r.etag(), request.format(), ifNoneMatch,
                request.url(config.publicUrl(), r.next()), r.next()));
    }

    @GET
    @Path("items/{id}")
    @Blocking
    public Response item(@RestPath String id, @RestQuery String lang,
                         @RestQuery String format, @RestHeader(HttpHeaders.ACCEPT) String accept,
                         @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Partner partner = partner();
        OutputFormat chosen = FeedRequest.format(partner, format, accept);
        byte[] body = writers.get(chosen).item(feed.item(partner, id, lang));
        return answer(true, body, FeedAnswer.etag(body), chosen, ifNoneMatch, null, null);
    }

    /** The partner the key belongs to (resolved with the key, see BearerTokenIdentityProvider), counted. */
    private Partner partner() {
        Partner partner = identity.getAttribute(KeyOwners.OWNER_ATTRIBUTE);
        if (partner == null) {
            throw ApiProblem.forbidden("not-a-partner", "The partner API takes a partner API key");
        }
        limiter.acquire(partner);
        return partner;
    }

    /** 200 with the body and its ETag, or 304 when the client already has exactly these bytes. */
    private Response answer(boolean item, byte[] body, String etag, OutputFormat format, String ifNoneMatch, String nextUrl,
                            String nextCursor) {
        boolean notModified = FeedAnswer.notModified(ifNoneMatch, etag);
        metrics.served(item, format, notModified);
        Response.ResponseBuilder response = notModified ? Response.notModified() : Response.ok(body);
        FeedAnswer.headers(etag, format, notModified, nextUrl, nextCursor, response::header);
        return response.build();
    }
}
