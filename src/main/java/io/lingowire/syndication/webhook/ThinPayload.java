package io.lingowire.syndication.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lingowire.event.StoryEvent;
import io.lingowire.syndication.SyndicationConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The body of a delivery: the Standard Webhooks envelope {@code {type, timestamp, data}} with thin data — which
 * item, version and language changed, and links to fetch it through the partner API (which applies the partner's
 * entitlements again, and leaves an audit trail of what was fetched).
 */
@ApplicationScoped
public class ThinPayload {

    private final ObjectMapper json;
    private final String base;

    ThinPayload(ObjectMapper json, SyndicationConfig config) {
        this.json = json;
        this.base = config.publicUrl().replaceAll("/+$", "");
    }

    record Envelope(String type, String timestamp, Data data) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Data(String id, String uri, int version, String language, String translationOf, Links links) {
    }

    record Links(String ninjs, @JsonProperty("newsml-g2") String newsmlG2) {
    }

    /**
     * The JSON for one language version of an event; {@code sourceLanguage} is the article's own language, named
     * as {@code translationOf} when the version is a translation.
     */
    public String render(StoryEvent event, String language, String sourceLanguage) {
        String item = base + "/partner/v1/items/" + event.articleId + "?lang="
                + URLEncoder.encode(language, StandardCharsets.UTF_8);
        String translationOf = language.equals(sourceLanguage) ? null : sourceLanguage;
        Data data = new Data(event.articleId, "urn:lingowire:" + event.articleId + ":" + language, event.version,
                language, translationOf, new Links(item, item + "&format=newsml-g2"));
        try {
            return json.writeValueAsString(new Envelope(event.type, event.createdAt.toString(), data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a payload of strings and numbers always serialises", e);
        }
    }
}
