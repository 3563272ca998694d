package io.lingowire.ingest.poll;

import io.lingowire.common.error.ApiProblem;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Conditional GET of a feed, with redirects followed by hand so that every hop is checked against the allowed
 * hosts, and the body read only up to the size limit.
 */
final class FeedFetcher {

    private static final int MAX_REDIRECTS = 3;

    private final HttpClient client;
    private final Duration timeout;
    private final long maxBytes;

    FeedFetcher(Duration timeout, long maxBytes) {
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    record Result(int status, byte[] body, String contentType, String etag, String lastModified) {
        boolean notModified() {
            return status == 304;
        }
    }

    Result fetch(String url, String etag, String lastModified, Set<String> allowedHosts)
            throws IOException, InterruptedException {
        URI uri = URI.create(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            check(uri, allowedHosts);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("User-Agent", "Lingowire feed poller")
                    .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5");
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
            HttpResponse<InputStream> response = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                response.body().close();
                String location = response.headers().firstValue("Location")
                        .orElseThrow(() -> new IOException("redirect " + status + " without a Location"));
                uri = uri.resolve(location);
                continue;
            }
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
            if (body.length > maxBytes) {
                throw new IOException("feed larger than " + maxBytes + " bytes");
            }
            return new Result(status, body, response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        }
        throw new IOException("more than " + MAX_REDIRECTS + " redirects");
    }

    private static void check(URI uri, Set<String> allowedHosts) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ApiProblem.badRequest("feed-url-refused", "Only http and https feeds are fetched, not " + uri);
        }
        if (!allowedHosts.contains(host)) {
            throw ApiProblem.badRequest("feed-host-refused", "The host " + host
                    + " is not in lingowire.feeds.allowed-hosts");
        }
    }
}
