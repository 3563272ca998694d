package io.lingowire.syndication.feed.rest;

import io.lingowire.security.BearerTokenMechanism;
import io.lingowire.syndication.SyndicationConfig;
import io.lingowire.syndication.feed.FeedMetrics;
import io.lingowire.syndication.feed.PageCache;
import io.lingowire.syndication.partner.Partner;
import io.lingowire.syndication.partner.PartnerDirectory;
import io.lingowire.syndication.partner.PartnerService;
import io.lingowire.syndication.partner.RateLimiter;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Optional;

/**
 * The partner feed's hot path: a poll for a page that is already rendered and still valid, from a partner key this
 * replica knows, is answered right here on the event loop, before the HTTP security and JAX-RS layers. Partners
 * poll the same pages over and over; this is what lets one replica serve them at a large fraction of a static file
 * server's rate (docs/benchmarks.md, "Partner feed and webhook deliveries").
 *
 * <p>It decides nothing on its own: the key is trusted exactly when {@link PartnerDirectory} vouches for it (as the
 * bearer identity provider does), the page, its key and its links come from {@link FeedRequest} and
 * {@link PageCache}, the answer's headers from {@link FeedAnswer}, and the partner is counted by the same
 * {@link RateLimiter}. Everything else — an unknown or revoked key, a long-poll, a page not made yet, a refused
 * format or language, a partner over its allowance — goes on to {@link PartnerFeedResource}, which answers it in
 * full (and with the problem document when it is refused).
 */
@ApplicationScoped
public class CachedFeedRoute {

    private final FeedMetrics metrics;

    /** Just before Quarkus' authentication filter (priority 200, route order -200). */
    static final int ORDER = -210;

    private final PartnerDirectory directory;
    private final RateLimiter limiter;
    private final PageCache cache;
    private final SyndicationConfig config;

    CachedFeedRoute(PartnerDirectory directory, RateLimiter limiter, PageCache cache, SyndicationConfig config,
                    FeedMetrics metrics) {
        this.metrics = metrics;
        this.directory = directory;
        this.limiter = limiter;
        this.cache = cache;
        this.config = config;
    }

    void install(@Observes Router router) {
        router.get("/partner/v1/feed").order(ORDER).handler(this::serve);
    }

    private void serve(RoutingContext context) {
        HttpServerRequest request = context.request();
        FeedRequest feed = cached(request).orElse(null);
        PageCache.Rendered page = feed == null ? null : cache.peek(feed.cacheKey());
        if (page == null || limiter.take(feed.partner()) > 0) {
            context.next();
            return;
        }
        HttpServerResponse response = context.response();
        boolean notModified = FeedAnswer.notModified(request.getHeader("If-None-Match"), page.etag());
        metrics.served(false, feed.format(), notModified);
        FeedAnswer.headers(page.etag(), feed.format(), notModified, feed.url(config.publicUrl(), page.next()),
                page.next(), response::putHeader);
        if (notModified) {
            response.setStatusCode(304).end();
        } else {
            response.end(Buffer.buffer(Unpooled.wrappedBuffer(page.wire().duplicate())));
        }
    }

    /** The request as the resource would read it, when this route may answer it; empty sends it on. */
    private Optional<FeedRequest> cached(HttpServerRequest request) {
        String key = BearerTokenMechanism.credential(request);
        String wait = request.getParam("wait");
        if (key == null || !key.startsWith(PartnerService.KEY_PREFIX) || (wait != null && !wait.equals("0"))) {
            return Optional.empty();
        }
        Optional<Partner> partner = directory.known(key);
        if (partner.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(FeedRequest.of(partner.get(), request.getParam("cursor"), request.getParam("lang"),
                    request.getParam("limit"), request.getParam("format"),
                    request.getHeader("Accept"), config));
        } catch (RuntimeException refused) {
            return Optional.empty(); // the resource says why, as a problem document
        }
    }
}
