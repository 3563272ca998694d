package io.lingowire.syndication.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Makes one signed POST. Redirects are not followed (a 3xx is a failed attempt, so a receiver cannot bounce the
 * gateway onto an internal address), the timeout bounds both connecting and waiting for the answer, and the
 * answer's body is never read.
 */
@ApplicationScoped
public class WebhookSender {

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    WebhookSender(WebhookConfig config, Clock clock) {
        this.clock = clock;
        this.timeout = config.timeout();
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** The receiver's answer: its status and {@code Retry-After}, if any. */
    public record Answer(int status, String retryAfter) {
        boolean success() {
            return status >= 200 && status < 300;
        }
    }

    public Answer send(URI uri, String messageId, List<String> secrets, String payload)
            throws IOException, InterruptedException {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", "Lingowire-Webhooks/1")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signer.sign(secrets, messageId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return new Answer(response.statusCode(), response.headers().firstValue("retry-after").orElse(null));
    }
}
