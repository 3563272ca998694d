package io.lingowire.ingest.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonFactory;
import io.lingowire.article.PubStatus;
import io.lingowire.article.SourceRef;
import io.lingowire.common.error.ApiProblem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * IPTC ninjs 1.x and 2.x (lower-case names: {@code headline}, {@code body_html}, {@code versioncreated}) and 3.x
 * (camelCase: {@code headlines}, {@code bodies}, {@code versionCreated}, {@code infoSources}). A JSON array of ninjs
 * objects gives several articles.
 */
public final class NinjsReader {

    private final HtmlReader html;
    private final TextReader text;

    public NinjsReader(HtmlReader html, TextReader text) {
        this.html = html;
        this.text = text;
    }

    private static ObjectMapper mapper(int maxDepth) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
                .build();
        return new ObjectMapper(factory);
    }

    public static boolean looksLikeNinjs(JsonNode node) {
        return node.isObject() && node.has("uri")
                || node.isObject() && (node.has("headline") || node.has("headlines") || node.has("body_text")
                || node.has("body_html") || node.has("bodies"));
    }

    /** Reads JSON within the nesting limit; broken JSON is a 422 saying where. */
    public static JsonNode parse(byte[] json, Limits limits) {
        try {
            return mapper(limits.maxDepth()).readTree(json);
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            String type = message != null && message.contains("nesting depth") ? "nesting-too-deep" : "malformed-json";
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw ApiProblem.unreadable(type, "The JSON cannot be read" + where + ": " + message);
        } catch (IOException e) {
            throw ApiProblem.unreadable("malformed-json", "The JSON cannot be read");
        }
    }

    public List<ExtractedItem> read(byte[] json, Limits limits) {
        JsonNode root = parse(json, limits);
        List<JsonNode> objects = new ArrayList<>();
        if (root != null && root.isArray()) {
            root.forEach(objects::add);
        } else if (root != null) {
            objects.add(root);
        }
        if (objects.isEmpty() || !objects.stream().allMatch(NinjsReader::looksLikeNinjs)) {
            throw ApiProblem.unreadable("not-ninjs", "The JSON is not a ninjs news item: it needs at least a uri "
                    + "and a headline or body");
        }
        limits.checkItems(objects.size());
        List<ExtractedItem> items = new ArrayList<>();
        for (JsonNode node : objects) {
            items.add(readItem(node, limits));
        }
        return items;
    }

    private ExtractedItem readItem(JsonNode n, Limits limits) {
        ExtractedItem item = new ExtractedItem();
        item.guid = str(n, "uri");
        item.title = firstValue(n, "headlines", str(n, "headline"));
        item.byline = Values.first(str(n, "by"), str(n, "byline"));
        item.publishedAt = Dates.parse(Values.first(str(n, "firstCreated"), str(n, "firstcreated"),
                str(n, "versionCreated"), str(n, "versioncreated")));
        item.embargoUntil = Dates.parse(Values.first(str(n, "embargoedUntil"), str(n, "embargoed")));
        item.pubStatus = PubStatus.parse(Values.first(str(n, "pubStatus"), str(n, "pubstatus")));
        item.language = str(n, "language");
        item.datelinePlace = str(n, "located");
        for (JsonNode keyword : n.path("keywords")) {
            item.addKeyword(keyword.asText());
        }
        for (String field : List.of("subjects", "subject")) {
            for (JsonNode subject : n.path(field)) {
                item.addKeyword(subject.isTextual() ? subject.asText() : str(subject, "name"));
            }
        }
        for (String field : List.of("infoSources", "infosources", "infosource")) {
            for (JsonNode source : n.path(field)) {
                item.addSource(str(source, "name"), NewsMlG2Reader.role(str(source, "role")));
            }
        }
        JsonNode holder = n.has("copyrightHolder") ? n.get("copyrightHolder") : n.path("copyrightholder");
        item.sourceName = holder.isTextual() ? holder.asText() : str(holder, "name");
        item.blocks = body(n, limits);
        if (item.sourceName == null) {
            item.chain.stream().filter(s -> s.role().equals(SourceRef.ORIGINATOR)).findFirst()
                    .ifPresent(s -> item.sourceName = s.name());
        }
        return item;
    }

    private List<io.lingowire.article.Block> body(JsonNode n, Limits limits) {
        for (JsonNode body : n.path("bodies")) {
            String contentType = Values.first(str(body, "contentType"), str(body, "contenttype"));
            String value = str(body, "value");
            if (value != null) {
                return contentType != null && contentType.contains("html")
                        ? html.readFragment(value, limits) : text.blocks(value);
            }
        }
        String bodyHtml = Values.first(str(n, "body_html"), str(n, "body_xhtml"));
        if (bodyHtml != null) {
            return html.readFragment(bodyHtml, limits);
        }
        String bodyText = str(n, "body_text");
        return bodyText == null ? List.of() : text.blocks(bodyText);
    }

    private static String firstValue(JsonNode n, String arrayField, String fallback) {
        for (JsonNode entry : n.path(arrayField)) {
            String role = str(entry, "role");
            if (role == null || role.equals("main")) {
                String value = str(entry, "value");
                if (value != null) {
                    return value;
                }
            }
        }
        return fallback;
    }

    private static String str(JsonNode n, String field) {
        JsonNode value = n == null ? null : n.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String s = value.asText().strip();
        return s.isEmpty() ? null : s;
    }

}
